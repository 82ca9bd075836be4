package dev.spindle.runtime.state;

import dev.spindle.api.state.BroadcastState;
import dev.spindle.runtime.serialization.JavaSerialization;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Broadcast state of one subtask: a map written one entry per element, so a checkpoint can hand
 * one subtask's copy to every subtask of a restored (possibly rescaled) job.
 */
public final class HeapBroadcastState<K, V> implements BroadcastState<K, V>, SnapshottableState {

    private final String name;
    private final Map<K, V> map = new LinkedHashMap<>();

    HeapBroadcastState(String name) {
        this.name = name;
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public boolean contains(K key) {
        return map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() {
        return Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public void put(K key, V value) {
        map.put(key, value);
    }

    @Override
    public void putAll(Map<K, V> entries) {
        map.putAll(entries);
    }

    @Override
    public void remove(K key) {
        map.remove(key);
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return map.entrySet().iterator();
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return map.entrySet();
    }

    @Override
    public void clear() {
        map.clear();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return OperatorStateRedistribution.BROADCAST_KIND;
    }

    @Override
    public Snapshot snapshot() {
        List<Map.Entry<K, V>> copy = new ArrayList<>(map.size());
        for (Map.Entry<K, V> e : map.entrySet()) {
            copy.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
        }
        return () -> {
            List<byte[]> out = new ArrayList<>(copy.size());
            for (Map.Entry<K, V> e : copy) {
                out.add(JavaSerialization.toBytes(new Object[] {e.getKey(), e.getValue()}));
            }
            return new StateData(OperatorStateRedistribution.BROADCAST_KIND, Map.of(StateData.OPERATOR_GROUP, out));
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(StateData data, ClassLoader userClassLoader) throws IOException, ClassNotFoundException {
        map.clear();
        for (byte[] e : data.groups().getOrDefault(StateData.OPERATOR_GROUP, List.of())) {
            Object[] pair = (Object[]) JavaSerialization.fromBytes(e, userClassLoader);
            map.put((K) pair[0], (V) pair[1]);
        }
    }
}
