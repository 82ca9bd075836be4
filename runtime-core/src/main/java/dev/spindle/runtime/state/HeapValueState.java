package dev.spindle.runtime.state;

import dev.spindle.api.state.ValueState;

/** A {@link ValueState}: one value per key in a {@link HeapKeyedState}. */
final class HeapValueState<T> implements ValueState<T> {

    static final String KIND = "VALUE";

    private final HeapKeyedState<T> storage;
    private final T defaultValue;

    HeapValueState(HeapKeyedState<T> storage, T defaultValue) {
        this.storage = storage;
        this.defaultValue = defaultValue;
    }

    @Override
    public T value() {
        T v = storage.get();
        return v == null ? defaultValue : v;
    }

    @Override
    public void update(T value) {
        if (value == null) {
            storage.remove();
        } else {
            storage.put(value);
        }
    }

    @Override
    public void clear() {
        storage.remove();
    }
}
