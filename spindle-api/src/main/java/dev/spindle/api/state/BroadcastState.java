package dev.spindle.api.state;

import java.util.Iterator;
import java.util.Map;

/**
 * A map kept by every subtask of a broadcast operator, written only from broadcast records so that
 * every copy is identical; checkpointed, and given to every subtask on restore and rescale.
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {

    /** Sets the value of {@code key}. */
    void put(K key, V value) throws Exception;

    /** Sets every entry of {@code map}. */
    void putAll(Map<K, V> map) throws Exception;

    /** Removes {@code key}. */
    void remove(K key) throws Exception;

    /** The entries; the iterator may remove. */
    Iterator<Map.Entry<K, V>> iterator() throws Exception;

    /** The entries, modifiable through {@code Map.Entry.setValue}. */
    Iterable<Map.Entry<K, V>> entries() throws Exception;
}
