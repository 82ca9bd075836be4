package dev.spindle.yarn.client.container;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Program arguments through an environment variable without quoting trouble: each argument
 * Base64-encoded, joined by commas (arguments may contain spaces, quotes and newlines).
 */
public final class ProgramArguments {

    private ProgramArguments() {
    }

    public static String encode(List<String> args) {
        List<String> parts = new ArrayList<>();
        for (String a : args) {
            parts.add(Base64.getUrlEncoder().withoutPadding().encodeToString(a.getBytes(StandardCharsets.UTF_8)));
        }
        return String.join(",", parts);
    }

    public static String[] decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return new String[0];
        }
        String[] parts = encoded.split(",", -1);
        String[] args = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            args[i] = new String(Base64.getUrlDecoder().decode(parts[i]), StandardCharsets.UTF_8);
        }
        return args;
    }
}
