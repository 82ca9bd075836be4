package dev.spindle.runtime.state;

import dev.spindle.api.state.ListState;
import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.OperatorStateStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The operator state of one operator in one subtask, by name; restored from a checkpoint on first use. */
public final class DefaultOperatorStateStore implements OperatorStateStore {

    private final Map<String, SnapshottableState> states = new LinkedHashMap<>();
    private final Map<String, StateData> restored = new HashMap<>();
    private final ClassLoader userClassLoader;

    public DefaultOperatorStateStore(Map<String, StateData> restoredStates, ClassLoader userClassLoader) {
        this.restored.putAll(restoredStates);
        this.userClassLoader = userClassLoader;
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return list(descriptor, OperatorStateRedistribution.EVEN_SPLIT_KIND);
    }

    @Override
    public <T> ListState<T> getUnionListState(ListStateDescriptor<T> descriptor) {
        return list(descriptor, OperatorStateRedistribution.UNION_KIND);
    }

    /**
     * List state that belongs to this subtask alone and is not redistributed: a restore with another
     * parallelism is refused (e.g. a built-in source's read position, a sink's pending part files).
     */
    public <T> ListState<T> getSubtaskListState(ListStateDescriptor<T> descriptor) {
        return list(descriptor, OperatorStateRedistribution.SUBTASK_KIND);
    }

    /**
     * The broadcast state the descriptor names (a map every subtask keeps an identical copy of),
     * created, and filled from the restored checkpoint, on first use.
     */
    @SuppressWarnings("unchecked")
    public <K, V> HeapBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
        if (descriptor.isTtlEnabled()) {
            throw new UnsupportedOperationException("Broadcast state '" + descriptor.getName() + "' has a time-to-live; "
                    + "state TTL applies to keyed state only");
        }
        SnapshottableState existing = states.get(descriptor.getName());
        if (existing instanceof HeapBroadcastState<?, ?> broadcast) {
            return (HeapBroadcastState<K, V>) broadcast;
        }
        if (existing != null) {
            throw new IllegalStateException("Operator state '" + descriptor.getName() + "' is a " + existing.kind()
                    + " state; it cannot also be used as broadcast state");
        }
        HeapBroadcastState<K, V> created = new HeapBroadcastState<>(descriptor.getName());
        restoreInto(created);
        states.put(descriptor.getName(), created);
        return created;
    }

    private void restoreInto(SnapshottableState created) {
        StateData data = restored.remove(created.name());
        if (data != null) {
            if (!data.kind().equals(created.kind())) {
                throw new IllegalStateException("Operator state '" + created.name() + "' was restored as " + data.kind()
                        + " state but is now asked for as " + created.kind() + " state");
            }
            try {
                created.restore(data, userClassLoader);
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException("Operator state '" + created.name() + "' could not be restored: " + e, e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T> ListState<T> list(ListStateDescriptor<T> descriptor, String kind) {
        if (descriptor.isTtlEnabled()) {
            throw new UnsupportedOperationException("Operator state '" + descriptor.getName() + "' has a time-to-live; "
                    + "state TTL applies to keyed state only");
        }
        SnapshottableState existing = states.get(descriptor.getName());
        if (existing instanceof HeapListState<?> list && list.kind().equals(kind)) {
            return (ListState<T>) list;
        }
        if (existing != null) {
            throw new IllegalStateException("Operator state '" + descriptor.getName() + "' is a " + existing.kind()
                    + " state; it cannot also be used as " + kind + " state");
        }
        HeapListState<T> created = new HeapListState<>(descriptor.getName(), kind);
        restoreInto(created);
        states.put(descriptor.getName(), created);
        return created;
    }

    public boolean isEmpty() {
        return states.isEmpty() && restored.isEmpty();
    }

    /** Synchronous part of a checkpoint; restored states nobody asked for are carried over. */
    public Map<String, SnapshottableState.Snapshot> snapshot() {
        Map<String, SnapshottableState.Snapshot> snapshots = new LinkedHashMap<>();
        for (SnapshottableState s : states.values()) {
            snapshots.put(s.name(), s.snapshot());
        }
        for (Map.Entry<String, StateData> e : restored.entrySet()) {
            StateData data = e.getValue();
            snapshots.put(e.getKey(), () -> data);
        }
        return snapshots;
    }
}
