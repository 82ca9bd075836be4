package dev.spindle.api.state;

import java.util.Map;

/** Broadcast state as the element side of a broadcast process function sees it: readable, not writable. */
public interface ReadOnlyBroadcastState<K, V> extends State {

    /** The value of {@code key}, or null. */
    V get(K key) throws Exception;

    /** Whether {@code key} has a value. */
    boolean contains(K key) throws Exception;

    /** The entries, unmodifiable. */
    Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
