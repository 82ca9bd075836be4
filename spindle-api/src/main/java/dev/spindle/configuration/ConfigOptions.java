package dev.spindle.configuration;

import java.time.Duration;
import java.util.List;

/**
 * Builder for {@link ConfigOption}s: {@code ConfigOptions.key("a.b").intType().defaultValue(1)
 * .withDescription("...")}.
 */
public final class ConfigOptions {

    private ConfigOptions() {
    }

    /** Starts an option with key {@code key}. */
    public static OptionBuilder key(String key) {
        return new OptionBuilder(key);
    }

    /** First step: choose the value type. */
    public static final class OptionBuilder {
        private final String key;

        OptionBuilder(String key) {
            this.key = key;
        }

        /** Values of type Integer. */
        public TypedBuilder<Integer> intType() {
            return new TypedBuilder<>(key, Integer.class);
        }

        /** Values of type Long. */
        public TypedBuilder<Long> longType() {
            return new TypedBuilder<>(key, Long.class);
        }

        /** Values of type Double. */
        public TypedBuilder<Double> doubleType() {
            return new TypedBuilder<>(key, Double.class);
        }

        /** Values of type Float. */
        public TypedBuilder<Float> floatType() {
            return new TypedBuilder<>(key, Float.class);
        }

        /** Values of type Boolean. */
        public TypedBuilder<Boolean> booleanType() {
            return new TypedBuilder<>(key, Boolean.class);
        }

        /** Values of type String. */
        public TypedBuilder<String> stringType() {
            return new TypedBuilder<>(key, String.class);
        }

        /** Values of type Duration. */
        public TypedBuilder<Duration> durationType() {
            return new TypedBuilder<>(key, Duration.class);
        }

        /** Values of type MemorySize. */
        public TypedBuilder<MemorySize> memoryType() {
            return new TypedBuilder<>(key, MemorySize.class);
        }

        /** A list written as {@code a;b;c} (or a YAML list). */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public TypedBuilder<List<String>> stringListType() {
            return new TypedBuilder<>(key, (Class) List.class);
        }

        /** Values of the enum {@code enumClass}, by constant name. */
        public <E extends Enum<E>> TypedBuilder<E> enumType(Class<E> enumClass) {
            return new TypedBuilder<>(key, enumClass);
        }
    }

    /** Second step: the default (or none). */
    public static final class TypedBuilder<T> {
        private final String key;
        private final Class<T> type;

        TypedBuilder(String key, Class<T> type) {
            this.key = key;
            this.type = type;
        }

        /** The option with default {@code value}. */
        public ConfigOption<T> defaultValue(T value) {
            return new ConfigOption<>(key, type, value, "");
        }

        /** The option without a default. */
        public ConfigOption<T> noDefaultValue() {
            return new ConfigOption<>(key, type, null, "");
        }
    }
}
