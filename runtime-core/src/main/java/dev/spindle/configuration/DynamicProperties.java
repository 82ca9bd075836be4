package dev.spindle.configuration;

import java.util.List;

/** {@code -Dkey=value} overrides from a command line. */
public final class DynamicProperties {

    private DynamicProperties() {
    }

    /** Parses {@code key=value} strings (without the -D); a malformed one fails naming it. */
    public static Configuration parse(List<String> definitions) {
        Configuration conf = new Configuration();
        for (String definition : definitions) {
            int eq = definition.indexOf('=');
            String key = eq < 0 ? "" : definition.substring(0, eq).trim();
            if (key.isEmpty()) {
                throw new IllegalConfigurationException("Invalid dynamic property '-D" + definition
                        + "': expected -Dkey=value, e.g. -Dparallelism.default=4");
            }
            conf.setString(key, definition.substring(eq + 1).trim());
        }
        return conf;
    }
}
