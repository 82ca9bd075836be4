package dev.spindle.configuration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a {@link Configuration} against every known option: ill-typed values and values outside
 * an option's {@link Range} are errors naming key and value; unknown keys are only warned about (user code may read its own keys), with the
 * closest known key when it looks like a typo.
 */
public final class ConfigurationValidator {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationValidator.class);

    private final Map<String, ConfigOption<?>> optionsByKey = new HashMap<>();

    public ConfigurationValidator(List<ConfigOption<?>> knownOptions) {
        for (ConfigOption<?> option : knownOptions) {
            optionsByKey.put(option.key(), option);
            for (String fallback : option.fallbackKeys()) {
                optionsByKey.putIfAbsent(fallback, option);
            }
        }
    }

    /** A validator for all options discovered on the classpath of this class. */
    public static ConfigurationValidator forClasspath() {
        return new ConfigurationValidator(ConfigOptionsDiscovery.discoverOptions(ConfigurationValidator.class.getClassLoader()));
    }

    /** The outcome of {@link #check}. */
    public record Result(List<String> errors, List<String> warnings) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /** Checks every key without throwing. */
    public Result check(Configuration configuration) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, String> entry : configuration.toMap().entrySet()) {
            ConfigOption<?> option = optionsByKey.get(entry.getKey());
            if (option == null) {
                String closest = closestKey(entry.getKey());
                warnings.add("Unknown configuration key '" + entry.getKey() + "'"
                        + (closest == null ? " (kept for user code)" : "; did you mean '" + closest + "'?"));
                continue;
            }
            try {
                checkConverted(option, Configuration.convert(entry.getKey(), entry.getValue(), option.type()));
            } catch (IllegalConfigurationException e) {
                errors.add(e.getMessage());
            }
        }
        return new Result(errors, warnings);
    }

    @SuppressWarnings("unchecked")
    private static <T> void checkConverted(ConfigOption<T> option, Object value) {
        option.checkValue((T) value);
    }

    /** Logs warnings and throws one exception listing every ill-typed value. */
    public void validate(Configuration configuration) {
        Result result = check(configuration);
        result.warnings().forEach(LOG::warn);
        if (!result.isValid()) {
            throw new IllegalConfigurationException(String.join("\n", result.errors()));
        }
    }

    private String closestKey(String key) {
        String best = null;
        int bestDistance = 3;
        for (String known : optionsByKey.keySet()) {
            int d = editDistance(key, known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
