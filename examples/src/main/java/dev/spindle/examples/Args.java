package dev.spindle.examples;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} program arguments, checked against the names a program knows. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    private Args() {
    }

    /** Parses {@code args}; an unknown name, a missing value or a stray word throws with {@code usage}. */
    static Args parse(String[] args, Set<String> known, String usage) {
        Args parsed = new Args();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw bad("unexpected argument '" + a + "'", usage);
            }
            String name = a.substring(2);
            if (!known.contains(name)) {
                throw bad("unknown option --" + name, usage);
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw bad("option --" + name + " needs a value", usage);
            }
            parsed.values.put(name, args[++i]);
        }
        return parsed;
    }

    static IllegalArgumentException bad(String problem, String usage) {
        System.err.println(usage);
        return new IllegalArgumentException(problem + ". " + usage);
    }

    String get(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    long getLong(String name, long defaultValue, String usage) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw bad("--" + name + " must be a whole number, was '" + v + "'", usage);
        }
    }
}
