package dev.spindle.api.state;

import java.util.Iterator;
import java.util.Map;

/** A map per key, scoped to the key of the record being processed. */
public interface MapState<UK, UV> extends State {

    /** The value of {@code key} in the current key's map, or null. */
    UV get(UK key);

    /** Sets {@code key} to {@code value} in the current key's map. */
    void put(UK key, UV value);

    /** Puts every mapping of {@code map}. */
    void putAll(Map<UK, UV> map);

    /** Removes {@code key} from the current key's map. */
    void remove(UK key);

    /** Whether the current key's map holds {@code key}. */
    boolean contains(UK key);

    /** The mappings of the current key's map (a snapshot; changes go through put/remove). */
    Iterable<Map.Entry<UK, UV>> entries();

    /** The keys of the current key's map. */
    Iterable<UK> keys();

    /** The values of the current key's map. */
    Iterable<UV> values();

    /** An iterator over the mappings of the current key's map. */
    Iterator<Map.Entry<UK, UV>> iterator();

    /** Whether the current key's map has no mappings. */
    boolean isEmpty();
}
