package dev.spindle.api.state;

import java.io.Serializable;
import java.util.Objects;

/** Names a {@link ValueState} and gives its default value (returned for keys without a value). */
public final class ValueStateDescriptor<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final T defaultValue;

    /** A value state named {@code name} that reads {@code defaultValue} until set. */
    public ValueStateDescriptor(String name, T defaultValue) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A ValueStateDescriptor needs a non-empty name");
        }
        this.name = name;
        this.defaultValue = defaultValue;
    }

    /** A value state named {@code name} that reads null until set. */
    public ValueStateDescriptor(String name) {
        this(name, null);
    }

    /** The state's name, unique within the function. */
    public String getName() {
        return name;
    }

    /** What the state reads before it is set. */
    public T getDefaultValue() {
        return defaultValue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ValueStateDescriptor<?> other && other.name.equals(name)
                && Objects.equals(other.defaultValue, defaultValue);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
