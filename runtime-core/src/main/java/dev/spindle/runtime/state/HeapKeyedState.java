package dev.spindle.runtime.state;

import dev.spindle.runtime.serialization.JavaSerialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The storage of one keyed state on the heap: per key group, a map from key to value. Every keyed
 * state kind keeps its per-key value here (a value, a list, a map), so all of them snapshot the
 * same way. Values must not be changed in place after they were handed to {@link #put}; the
 * snapshot copies maps, not values.
 */
public final class HeapKeyedState<V> implements SnapshottableState {

    private final String name;
    private final String kind;
    private final KeyedStateBackend backend;
    private final Map<Integer, Map<Object, V>> groups = new HashMap<>();
    /** Per snapshot, what each value is written as (null: left out), e.g. expired TTL entries dropped. */
    private Supplier<UnaryOperator<V>> snapshotTransformer;
    /** The type of the restored keys until the first key of the running job was checked against it; then null. */
    private Class<?> restoredKeyType;
    /** One restored value (null: nothing restored), for the check of the declared type. */
    private V restoredSample;

    HeapKeyedState(String name, String kind, KeyedStateBackend backend) {
        this.name = name;
        this.kind = kind;
        this.backend = backend;
    }

    public V get() {
        Object key = currentKey();
        Map<Object, V> group = groups.get(backend.currentKeyGroup());
        return group == null ? null : group.get(key);
    }

    public void put(V value) {
        groups.computeIfAbsent(backend.currentKeyGroup(), g -> new HashMap<>()).put(currentKey(), value);
    }

    public void remove() {
        Object key = currentKey();
        Map<Object, V> group = groups.get(backend.currentKeyGroup());
        if (group != null) {
            group.remove(key);
        }
    }

    private Object currentKey() {
        Object key = backend.currentKeyOrFail();
        if (restoredKeyType != null) {
            RestoredStateTypes.checkKey(name, restoredKeyType, key);
            restoredKeyType = null; // a job's keys are all of one type: once is enough
        }
        return key;
    }

    /** One value restored into this state, or null when nothing was restored. */
    V restoredSample() {
        return restoredSample;
    }

    /**
     * Transforms values when a snapshot is written: the supplier is called when the snapshot is
     * taken (so it can fix the time), the operator on the asynchronous thread, per value.
     */
    void setSnapshotTransformer(Supplier<UnaryOperator<V>> transformer) {
        this.snapshotTransformer = transformer;
    }

    /** Every (key, value) of this subtask, e.g. for BATCH results at the end of input. */
    public void forEach(BiConsumer<Object, V> action) {
        for (Map<Object, V> group : groups.values()) {
            group.forEach(action);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Snapshot snapshot() {
        Map<Integer, Map<Object, V>> copy = new HashMap<>(groups.size() * 2);
        for (Map.Entry<Integer, Map<Object, V>> e : groups.entrySet()) {
            if (!e.getValue().isEmpty()) {
                copy.put(e.getKey(), new HashMap<>(e.getValue()));
            }
        }
        UnaryOperator<V> transformer = snapshotTransformer == null ? null : snapshotTransformer.get();
        return () -> {
            Map<Integer, List<byte[]>> out = new HashMap<>();
            for (Map.Entry<Integer, Map<Object, V>> g : copy.entrySet()) {
                List<byte[]> entries = new ArrayList<>(g.getValue().size() * 2);
                for (Map.Entry<Object, V> kv : g.getValue().entrySet()) {
                    V value = transformer == null ? kv.getValue() : transformer.apply(kv.getValue());
                    if (value != null) {
                        entries.add(JavaSerialization.toBytes(kv.getKey()));
                        entries.add(JavaSerialization.toBytes(value));
                    }
                }
                if (!entries.isEmpty()) {
                    out.put(g.getKey(), entries);
                }
            }
            return new StateData(kind, out);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(StateData data, ClassLoader userClassLoader) throws IOException, ClassNotFoundException {
        groups.clear();
        for (Map.Entry<Integer, List<byte[]>> g : data.groups().entrySet()) {
            Map<Object, V> group = new HashMap<>();
            List<byte[]> entries = g.getValue();
            for (int i = 0; i + 1 < entries.size(); i += 2) {
                group.put(JavaSerialization.fromBytes(entries.get(i), userClassLoader),
                        (V) JavaSerialization.fromBytes(entries.get(i + 1), userClassLoader));
            }
            groups.put(g.getKey(), group);
        }
        for (Map<Object, V> group : groups.values()) {
            for (Map.Entry<Object, V> e : group.entrySet()) {
                restoredKeyType = e.getKey().getClass();
                restoredSample = e.getValue();
                return;
            }
        }
    }
}
