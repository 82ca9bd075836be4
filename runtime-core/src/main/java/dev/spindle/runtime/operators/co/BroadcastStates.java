package dev.spindle.runtime.operators.co;

import dev.spindle.api.state.BroadcastState;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.ReadOnlyBroadcastState;
import dev.spindle.runtime.state.DefaultOperatorStateStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The broadcast states of one broadcast operator, by descriptor name: writable for the broadcast
 * side, behind a read-only view for the element side.
 */
final class BroadcastStates {

    private final Map<String, BroadcastState<?, ?>> states = new HashMap<>();
    private final Map<String, ReadOnlyBroadcastState<?, ?>> readOnly = new HashMap<>();

    BroadcastStates(List<MapStateDescriptor<?, ?>> descriptors, DefaultOperatorStateStore store) {
        for (MapStateDescriptor<?, ?> d : descriptors) {
            BroadcastState<?, ?> state = store.getBroadcastState(d);
            states.put(d.getName(), state);
            readOnly.put(d.getName(), new ReadOnlyView<>(state));
        }
    }

    @SuppressWarnings("unchecked")
    <K, V> BroadcastState<K, V> writable(MapStateDescriptor<K, V> descriptor) {
        return (BroadcastState<K, V>) lookup(states, descriptor);
    }

    @SuppressWarnings("unchecked")
    <K, V> ReadOnlyBroadcastState<K, V> readOnly(MapStateDescriptor<K, V> descriptor) {
        return (ReadOnlyBroadcastState<K, V>) lookup(readOnly, descriptor);
    }

    private <T> T lookup(Map<String, T> byName, MapStateDescriptor<?, ?> descriptor) {
        T state = byName.get(descriptor.getName());
        if (state == null) {
            throw new IllegalArgumentException("Broadcast state '" + descriptor.getName() + "' was not declared: pass its "
                    + "MapStateDescriptor to broadcast(...) (declared: " + byName.keySet() + ")");
        }
        return state;
    }

    /** Hides the writing methods, so the element side cannot make the subtasks' copies differ. */
    private record ReadOnlyView<K, V>(BroadcastState<K, V> state) implements ReadOnlyBroadcastState<K, V> {
        @Override
        public V get(K key) throws Exception {
            return state.get(key);
        }

        @Override
        public boolean contains(K key) throws Exception {
            return state.contains(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> immutableEntries() throws Exception {
            return state.immutableEntries();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException("Broadcast state is read-only while processing the non-broadcast "
                    + "side; change it in processBroadcastElement");
        }
    }
}
