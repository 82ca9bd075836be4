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

    public static OptionBuilder key(String key) {
        return new OptionBuilder(key);
    }

    /** First step: choose the value type. */
    public static final class OptionBuilder {
        private final String key;

        OptionBuilder(String key) {
            this.key = key;
        }

        public TypedBuilder<Integer> intType() {
            return new TypedBuilder<>(key, Integer.class);
        }

        public TypedBuilder<Long> longType() {
            return new TypedBuilder<>(key, Long.class);
        }

        public TypedBuilder<Double> doubleType() {
            return new TypedBuilder<>(key, Double.class);
        }

        public TypedBuilder<Float> floatType() {
            return new TypedBuilder<>(key, Float.class);
        }

        public TypedBuilder<Boolean> booleanType() {
            return new TypedBuilder<>(key, Boolean.class);
        }

        public TypedBuilder<String> stringType() {
            return new TypedBuilder<>(key, String.class);
        }

        public TypedBuilder<Duration> durationType() {
            return new TypedBuilder<>(key, Duration.class);
        }

        public TypedBuilder<MemorySize> memoryType() {
            return new TypedBuilder<>(key, MemorySize.class);
        }

        /** A list written as {@code a;b;c} (or a YAML list). */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public TypedBuilder<List<String>> stringListType() {
            return new TypedBuilder<>(key, (Class) List.class);
        }

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

        public ConfigOption<T> defaultValue(T value) {
            return new ConfigOption<>(key, type, value, "");
        }

        public ConfigOption<T> noDefaultValue() {
            return new ConfigOption<>(key, type, null, "");
        }
    }
}
