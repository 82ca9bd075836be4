package dev.spindle.runtime.state;

import dev.spindle.api.state.AggregatingState;
import dev.spindle.api.state.AggregatingStateDescriptor;
import dev.spindle.api.state.ListState;
import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.api.state.MapState;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.MergingState;
import dev.spindle.api.state.ReducingState;
import dev.spindle.api.state.ReducingStateDescriptor;
import dev.spindle.api.state.KeyedStateFunction;
import dev.spindle.api.state.State;
import dev.spindle.api.state.StateDescriptor;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-key state of one keyed operator in one subtask, on the heap, by state name. The operator sets
 * the key of the record it processes; every state handed out reads and writes that key's entry.
 * {@link #snapshot()} copies every state's maps synchronously; the copies are written later.
 */
public final class KeyedStateBackend {

    private final int maxParallelism;
    private final Map<String, HeapKeyedState<?>> states = new LinkedHashMap<>();
    private final Map<String, StateData> restored = new HashMap<>();
    private final ClassLoader userClassLoader;
    private final TtlTimeProvider ttlTimeProvider;
    private Object currentKey;
    private int currentKeyGroup;

    public KeyedStateBackend() {
        this(KeyGroups.DEFAULT_MAX_PARALLELISM, Map.of(), KeyedStateBackend.class.getClassLoader());
    }

    /** {@code restoredStates}: the operator's keyed state from a checkpoint, by name (empty on a fresh start). */
    public KeyedStateBackend(int maxParallelism, Map<String, StateData> restoredStates, ClassLoader userClassLoader) {
        this(maxParallelism, restoredStates, userClassLoader, TtlTimeProvider.SYSTEM);
    }

    /** As above, with the clock that state time-to-live is measured on. */
    public KeyedStateBackend(int maxParallelism, Map<String, StateData> restoredStates, ClassLoader userClassLoader,
            TtlTimeProvider ttlTimeProvider) {
        this.ttlTimeProvider = ttlTimeProvider;
        this.maxParallelism = maxParallelism;
        this.restored.putAll(restoredStates);
        this.userClassLoader = userClassLoader;
    }

    public void setCurrentKey(Object key) {
        this.currentKey = key;
        this.currentKeyGroup = KeyGroups.keyGroupOf(key, maxParallelism);
    }

    /** No key is current any more (e.g. while a broadcast record is processed): keyed state access then fails. */
    public void clearCurrentKey() {
        this.currentKey = null;
    }

    public Object getCurrentKey() {
        return currentKey;
    }

    int currentKeyGroup() {
        return currentKeyGroup;
    }

    Object currentKeyOrFail() {
        if (currentKey == null) {
            throw new IllegalStateException("Keyed state is only accessible while processing a record of a keyed stream");
        }
        return currentKey;
    }

    /** The state named by the descriptor; asking twice with the same name returns a state on the same storage. */
    public <T> ValueState<T> getValueState(ValueStateDescriptor<T> descriptor) {
        return new HeapValueState<>(cell(descriptor, HeapValueState.KIND), descriptor.getDefaultValue());
    }

    /** The keyed list state named by the descriptor. */
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        TtlPolicy ttl = new TtlPolicy(descriptor, ttlTimeProvider);
        HeapKeyedState<List<Object>> storage = getOrCreate(descriptor.getName(), ttl.kind(HeapKeyedListState.KIND));
        List<Object> list = storage.restoredSample();
        if (list != null && !list.isEmpty()) {
            RestoredStateTypes.checkDeclared(descriptor.getName(), "elements", ttl.unwrap(list.get(0)), descriptor.getTypeInformation());
        }
        return new HeapKeyedListState<>(storage, ttl);
    }

    /** The map state named by the descriptor. */
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
        TtlPolicy ttl = new TtlPolicy(descriptor, ttlTimeProvider);
        HeapKeyedState<Map<Object, Object>> storage = getOrCreate(descriptor.getName(), ttl.kind(HeapMapState.KIND));
        Map<Object, Object> map = storage.restoredSample();
        if (map != null && !map.isEmpty()) {
            Map.Entry<Object, Object> first = map.entrySet().iterator().next();
            RestoredStateTypes.checkDeclared(descriptor.getName(), "map keys", first.getKey(), descriptor.getKeyTypeInformation());
            RestoredStateTypes.checkDeclared(descriptor.getName(), "map values", ttl.unwrap(first.getValue()),
                    descriptor.getValueTypeInformation());
        }
        return new HeapMapState<>(storage, ttl);
    }

    /** The reducing state named by the descriptor. */
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return new HeapReducingState<>(cell(descriptor, HeapReducingState.KIND), descriptor.getReduceFunction(), userClassLoader);
    }

    /** The aggregating state named by the descriptor. */
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return new HeapAggregatingState<>(cell(descriptor, HeapAggregatingState.KIND), descriptor.getAggregateFunction(),
                userClassLoader);
    }

    /** The keyed state the descriptor names, whatever its kind. */
    @SuppressWarnings("unchecked")
    public <S extends State> S getState(StateDescriptor<S, ?> descriptor) {
        if (descriptor instanceof ValueStateDescriptor<?> d) {
            return (S) getValueState(d);
        } else if (descriptor instanceof ListStateDescriptor<?> d) {
            return (S) getListState(d);
        } else if (descriptor instanceof MapStateDescriptor<?, ?> d) {
            return (S) getMapState(d);
        } else if (descriptor instanceof ReducingStateDescriptor<?> d) {
            return (S) getReducingState(d);
        } else if (descriptor instanceof AggregatingStateDescriptor<?, ?, ?> d) {
            return (S) getAggregatingState(d);
        }
        throw new IllegalArgumentException("unknown state descriptor " + descriptor.getClass().getName());
    }

    /**
     * Moves the entries of the merging state {@code descriptor} names from every key in {@code sources}
     * into key {@code target} (windows merging): lists are concatenated, reduced values reduced,
     * accumulators merged. The current key is restored afterwards.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void mergeInto(StateDescriptor<? extends MergingState<?, ?>, ?> descriptor, Object target, Collection<?> sources) {
        Object previous = currentKey;
        try {
            State state = getState((StateDescriptor) descriptor);
            for (Object source : sources) {
                if (source.equals(target)) {
                    continue;
                }
                setCurrentKey(source);
                if (state instanceof HeapAggregatingState aggregating) {
                    Object accumulator = aggregating.accumulator();
                    aggregating.clear();
                    if (accumulator != null) {
                        setCurrentKey(target);
                        aggregating.mergeAccumulator(accumulator);
                    }
                } else if (state instanceof ReducingState reducing) {
                    Object value = reducing.get();
                    reducing.clear();
                    if (value != null) {
                        setCurrentKey(target);
                        reducing.add(value);
                    }
                } else if (state instanceof ListState list) {
                    List<Object> values = new ArrayList<>();
                    ((Iterable<Object>) list.get()).forEach(values::add);
                    list.clear();
                    if (!values.isEmpty()) {
                        setCurrentKey(target);
                        list.addAll(values);
                    }
                } else {
                    throw new IllegalArgumentException("State '" + descriptor.getName() + "' is no list, reducing or aggregating "
                            + "state and cannot be merged");
                }
            }
        } finally {
            if (previous == null) {
                clearCurrentKey();
            } else {
                setCurrentKey(previous);
            }
        }
    }

    /**
     * Calls {@code function} with the state {@code descriptor} names, scoped in turn to every key of this
     * subtask that has an entry in it; the current key is restored afterwards.
     */
    @SuppressWarnings("unchecked")
    public <K, S extends State> void applyToAllKeys(StateDescriptor<S, ?> descriptor, KeyedStateFunction<K, S> function)
            throws Exception {
        S state = getState(descriptor);
        List<Object> keys = new ArrayList<>();
        states.get(descriptor.getName()).forEach((key, value) -> keys.add(key));
        Object previous = currentKey;
        try {
            for (Object key : keys) {
                setCurrentKey(key);
                function.process((K) key, state);
            }
        } finally {
            if (previous == null) {
                clearCurrentKey();
            } else {
                setCurrentKey(previous);
            }
        }
    }

    private <T> KeyedValueCell<T> cell(StateDescriptor<?, ?> descriptor, String kind) {
        TtlPolicy ttl = new TtlPolicy(descriptor, ttlTimeProvider);
        HeapKeyedState<Object> storage = getOrCreate(descriptor.getName(), ttl.kind(kind));
        RestoredStateTypes.checkDeclared(descriptor.getName(), "values", ttl.unwrap(storage.restoredSample()), descriptor.getTypeInformation());
        return new KeyedValueCell<>(storage, ttl);
    }

    /**
     * The storage of a named keyed state of the given kind, created (and filled from the restored
     * checkpoint) on first use. Each state kind wraps this storage in its own API type.
     */
    @SuppressWarnings("unchecked")
    public <V> HeapKeyedState<V> getOrCreate(String name, String kind) {
        HeapKeyedState<?> existing = states.get(name);
        if (existing != null) {
            if (!existing.kind().equals(kind)) {
                throw new IllegalStateException("State '" + name + "' is a " + existing.kind() + " state; it cannot also be used as "
                        + kind + " state");
            }
            return (HeapKeyedState<V>) existing;
        }
        HeapKeyedState<V> created = new HeapKeyedState<>(name, kind, this);
        StateData data = restored.remove(name);
        if (data != null) {
            if (!data.kind().equals(kind)) {
                throw new IllegalStateException("State '" + name + "' was restored as " + data.kind() + " state but is now asked for as "
                        + kind + " state; a changed state type cannot be restored (give the new state another name)");
            }
            try {
                created.restore(data, userClassLoader);
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException("State '" + name + "' could not be restored: " + e, e);
            }
        }
        states.put(name, created);
        return created;
    }

    /** Synchronous part of a checkpoint: a copy of every state; also carries restored states not asked for yet. */
    public Map<String, SnapshottableState.Snapshot> snapshot() {
        Map<String, SnapshottableState.Snapshot> snapshots = new LinkedHashMap<>();
        for (HeapKeyedState<?> s : states.values()) {
            snapshots.put(s.name(), s.snapshot());
        }
        // Restored but not (yet) used state stays in the checkpoint instead of silently vanishing.
        for (Map.Entry<String, StateData> e : restored.entrySet()) {
            StateData data = e.getValue();
            snapshots.put(e.getKey(), () -> data);
        }
        return snapshots;
    }
}
