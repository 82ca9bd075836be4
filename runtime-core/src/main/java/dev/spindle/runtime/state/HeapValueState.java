package dev.spindle.runtime.state;

import dev.spindle.api.state.ValueState;
import java.util.HashMap;
import java.util.Map;

/** A {@link ValueState} kept in a hash map from key to value. */
final class HeapValueState<T> implements ValueState<T> {

    private final KeyedStateBackend backend;
    private final T defaultValue;
    private final Map<Object, T> values = new HashMap<>();

    HeapValueState(KeyedStateBackend backend, T defaultValue) {
        this.backend = backend;
        this.defaultValue = defaultValue;
    }

    @Override
    public T value() {
        T v = values.get(currentKey());
        return v == null ? defaultValue : v;
    }

    @Override
    public void update(T value) {
        if (value == null) {
            values.remove(currentKey());
        } else {
            values.put(currentKey(), value);
        }
    }

    @Override
    public void clear() {
        values.remove(currentKey());
    }

    private Object currentKey() {
        Object key = backend.getCurrentKey();
        if (key == null) {
            throw new IllegalStateException("Keyed state is only accessible while processing a record of a keyed stream");
        }
        return key;
    }
}
