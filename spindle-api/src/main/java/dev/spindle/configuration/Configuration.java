package dev.spindle.configuration;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * String key/value settings read through typed {@link ConfigOption}s. Values are kept as text
 * (as written in spindle-conf.yaml or -D) and converted on read, so a configuration can be
 * written to a file or shipped to a container unchanged. A value that does not convert fails with
 * {@link IllegalConfigurationException} naming the key and the value.
 */
public final class Configuration implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TreeMap<String, String> values = new TreeMap<>();

    /** An empty configuration. */
    public Configuration() {
    }

    /** A copy of {@code other}. */
    public Configuration(Configuration other) {
        values.putAll(other.values);
    }

    /** A configuration holding the keys and text values of {@code map}. */
    public static Configuration fromMap(Map<String, String> map) {
        Configuration conf = new Configuration();
        conf.values.putAll(map);
        return conf;
    }

    /** The typed value, the value of a fallback key, or the option's default. */
    public <T> T get(ConfigOption<T> option) {
        return getOptional(option).orElse(option.defaultValue());
    }

    /** The typed value if the key (or a fallback key) is set. */
    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        String usedKey = option.key();
        String raw = values.get(usedKey);
        if (raw == null) {
            for (String fallback : option.fallbackKeys()) {
                raw = values.get(fallback);
                if (raw != null) {
                    usedKey = fallback;
                    break;
                }
            }
        }
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.of(convert(usedKey, raw, option.type()));
    }

    /** Whether the option (or one of its fallback keys) is set. */
    public boolean contains(ConfigOption<?> option) {
        if (values.containsKey(option.key())) {
            return true;
        }
        return option.fallbackKeys().stream().anyMatch(values::containsKey);
    }

    /** Sets the option to {@code value}. */
    public <T> Configuration set(ConfigOption<T> option, T value) {
        values.put(option.key(), toText(value));
        return this;
    }

    /** Sets a raw text value (from a file or -D); it is checked when read. */
    public Configuration setString(String key, String value) {
        values.put(key, value);
        return this;
    }

    /** The raw text value of {@code key}, or null. */
    public String getString(String key) {
        return values.get(key);
    }

    /** Unsets the option. */
    public void remove(ConfigOption<?> option) {
        values.remove(option.key());
    }

    /** Unsets {@code key}. */
    public void removeKey(String key) {
        values.remove(key);
    }

    /** Sets every key of {@code other}, replacing existing values. */
    public void addAll(Configuration other) {
        values.putAll(other.values);
    }

    /** All keys and their text values, sorted by key. */
    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The keys that are set. */
    public java.util.Set<String> keySet() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** Text form of a typed value, as {@link #convert} reads it back. */
    public static String toText(Object value) {
        if (value instanceof MemorySize m) {
            return m.toConfigString();
        }
        if (value instanceof Duration d) {
            return d.toMillis() + "ms";
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(String.valueOf(o));
            }
            return String.join(";", parts);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> T convert(String key, String raw, Class<T> type) {
        String text = raw.trim();
        try {
            Object result;
            if (type == String.class) {
                result = raw;
            } else if (type == Integer.class) {
                result = Integer.parseInt(text);
            } else if (type == Long.class) {
                result = Long.parseLong(text);
            } else if (type == Double.class) {
                result = Double.parseDouble(text);
            } else if (type == Float.class) {
                result = Float.parseFloat(text);
            } else if (type == Boolean.class) {
                String lower = text.toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    throw new IllegalArgumentException("expected true or false");
                }
                result = Boolean.parseBoolean(lower);
            } else if (type == MemorySize.class) {
                result = MemorySize.parse(text);
            } else if (type == Duration.class) {
                result = DurationParser.parse(text);
            } else if (type == List.class) {
                result = text.isEmpty() ? List.of() : Arrays.stream(text.split(";")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList();
            } else if (type.isEnum()) {
                result = parseEnum((Class) type, text);
            } else {
                throw new IllegalStateException("unsupported option type " + type.getName());
            }
            return (T) result;
        } catch (IllegalArgumentException e) {
            throw new IllegalConfigurationException("Invalid value '" + raw + "' for configuration key '" + key
                    + "': expected " + describeType(type) + " (" + e.getMessage() + ")", e);
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text) || constant.name().replace('_', '-').equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("one of " + Arrays.toString(type.getEnumConstants()));
    }

    static String describeType(Class<?> type) {
        if (type == Integer.class || type == Long.class) {
            return "an integer";
        }
        if (type == Double.class || type == Float.class) {
            return "a number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type == MemorySize.class) {
            return "a memory size such as 1024m or 2g";
        }
        if (type == Duration.class) {
            return "a duration such as 500ms, 10s, 5min or 1h";
        }
        if (type == List.class) {
            return "a list separated by ';'";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return type.getSimpleName();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
