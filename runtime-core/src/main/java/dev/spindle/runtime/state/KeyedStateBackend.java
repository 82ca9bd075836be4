package dev.spindle.runtime.state;

import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-key state of one keyed operator in one subtask, on the heap. The operator sets the key of
 * the record it processes; every state handed out reads and writes the value of that key.
 */
public final class KeyedStateBackend {

    private final Map<String, HeapValueState<?>> states = new HashMap<>();
    private Object currentKey;

    public void setCurrentKey(Object key) {
        this.currentKey = key;
    }

    public Object getCurrentKey() {
        return currentKey;
    }

    /** The state named by the descriptor; asking twice with the same name returns the same state. */
    @SuppressWarnings("unchecked")
    public <T> ValueState<T> getValueState(ValueStateDescriptor<T> descriptor) {
        HeapValueState<?> existing = states.get(descriptor.getName());
        if (existing == null) {
            HeapValueState<T> created = new HeapValueState<>(this, descriptor.getDefaultValue());
            states.put(descriptor.getName(), created);
            return created;
        }
        return (ValueState<T>) existing;
    }
}
