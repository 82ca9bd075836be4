package dev.spindle.api.state;

import dev.spindle.api.typeinfo.TypeInformation;

/** Names a {@link ValueState} and gives its value type or its default value (returned for keys without a value). */
public final class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {

    private static final long serialVersionUID = 1L;

    private final T defaultValue;

    /** A value state named {@code name} holding values of {@code type}; reads null until set. */
    public ValueStateDescriptor(String name, Class<T> type) {
        super(name, typeOf(type));
        this.defaultValue = null;
    }

    /** A value state named {@code name} holding values of the given type (e.g. from a {@code TypeHint}); reads null until set. */
    public ValueStateDescriptor(String name, TypeInformation<T> typeInfo) {
        super(name, typeInfo);
        this.defaultValue = null;
    }

    /** A value state named {@code name} that reads {@code defaultValue} until set. */
    public ValueStateDescriptor(String name, T defaultValue) {
        super(name, null);
        this.defaultValue = defaultValue;
    }

    /** A value state named {@code name} of type {@code type} that reads {@code defaultValue} until set. */
    public ValueStateDescriptor(String name, Class<T> type, T defaultValue) {
        super(name, typeOf(type));
        this.defaultValue = defaultValue;
    }

    /** A value state named {@code name} that reads null until set. */
    public ValueStateDescriptor(String name) {
        this(name, (T) null);
    }

    /** What the state reads before it is set. */
    public T getDefaultValue() {
        return defaultValue;
    }
}
