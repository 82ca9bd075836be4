package dev.spindle.runtime.state;

import dev.spindle.api.state.ValueState;

/** A {@link ValueState}: one value per key in a {@link HeapKeyedState}. */
final class HeapValueState<T> implements ValueState<T> {

    static final String KIND = "VALUE";

    private final KeyedValueCell<T> cell;
    private final T defaultValue;

    HeapValueState(KeyedValueCell<T> cell, T defaultValue) {
        this.cell = cell;
        this.defaultValue = defaultValue;
    }

    @Override
    public T value() {
        T v = cell.read();
        return v == null ? defaultValue : v;
    }

    @Override
    public void update(T value) {
        cell.write(value);
    }

    @Override
    public void clear() {
        cell.clear();
    }
}
