package dev.spindle.configuration;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed configuration key: its name, value type, default, description and deprecated
 * alternative keys. Options are constants declared in {@code *Options} classes and read through
 * {@link Configuration#get(ConfigOption)}.
 */
public final class ConfigOption<T> {

    private final String key;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;
    private final List<String> fallbackKeys;
    private final Range<?> range;

    ConfigOption(String key, Class<T> type, T defaultValue, String description, String... fallbackKeys) {
        this(key, type, defaultValue, description, null, fallbackKeys);
    }

    private ConfigOption(String key, Class<T> type, T defaultValue, String description, Range<?> range, String... fallbackKeys) {
        this.key = Objects.requireNonNull(key);
        this.type = Objects.requireNonNull(type);
        this.defaultValue = defaultValue;
        this.description = description == null ? "" : description;
        this.fallbackKeys = Collections.unmodifiableList(Arrays.asList(fallbackKeys));
        this.range = range;
    }

    /** The key as written in spindle-conf.yaml or -D. */
    public String key() {
        return key;
    }

    /** The Java type values are converted to. */
    public Class<T> type() {
        return type;
    }

    /** The value used when the key is not set; may be null (no default). */
    public T defaultValue() {
        return defaultValue;
    }

    /** Whether the option has a default. */
    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    /** One-line description, shown in the configuration reference. */
    public String description() {
        return description;
    }

    /** Older keys that are read when {@link #key()} is not set. */
    public List<String> fallbackKeys() {
        return fallbackKeys;
    }

    /** A copy with a new description (builder step). */
    public ConfigOption<T> withDescription(String newDescription) {
        return new ConfigOption<>(key, type, defaultValue, newDescription, range, fallbackKeys.toArray(new String[0]));
    }

    /** A copy that also reads the given older keys. */
    public ConfigOption<T> withFallbackKeys(String... keys) {
        return new ConfigOption<>(key, type, defaultValue, description, range, keys);
    }

    /**
     * A copy that accepts only values in {@code allowed}; {@link #checkValue} refuses the others.
     * The default must lie in the range (a default outside it is a bug of the declaration).
     */
    public <R extends Comparable<? super R>> ConfigOption<T> checkedBy(Range<R> allowed) {
        ConfigOption<T> checked = new ConfigOption<>(key, type, defaultValue, description, Objects.requireNonNull(allowed),
                fallbackKeys.toArray(new String[0]));
        if (defaultValue != null) {
            checked.checkValue(defaultValue);
        }
        return checked;
    }

    /** The values this option accepts, when it restricts them. */
    public Optional<Range<?>> range() {
        return Optional.ofNullable(range);
    }

    /**
     * Refuses a value outside the option's range with a message naming key, value and the allowed
     * range.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void checkValue(T value) {
        if (range == null || value == null) {
            return;
        }
        if (!type.isInstance(value) || !((Range) range).contains((Comparable) value)) {
            throw new IllegalConfigurationException("Invalid value '" + Configuration.toText(value) + "' for configuration key '"
                    + key + "': it must be " + range.describe() + ".");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ConfigOption<?> other)) {
            return false;
        }
        return key.equals(other.key) && type.equals(other.type) && Objects.equals(defaultValue, other.defaultValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, type, defaultValue);
    }

    @Override
    public String toString() {
        return "Option '" + key + "' (" + type.getSimpleName() + ", default: " + defaultValue + ")";
    }
}
