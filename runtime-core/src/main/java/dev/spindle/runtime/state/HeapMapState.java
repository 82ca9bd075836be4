package dev.spindle.runtime.state;

import dev.spindle.api.state.MapState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MapState}: per key an immutable map (replaced on every change, as snapshots share the
 * stored maps). With a time-to-live every mapping expires on its own.
 */
final class HeapMapState<UK, UV> implements MapState<UK, UV> {

    static final String KIND = "MAP";

    private final HeapKeyedState<Map<Object, Object>> storage;
    private final TtlPolicy ttl;

    HeapMapState(HeapKeyedState<Map<Object, Object>> storage, TtlPolicy ttl) {
        this.storage = storage;
        this.ttl = ttl;
        if (ttl.cleanupInSnapshot()) {
            storage.setSnapshotTransformer(() -> {
                long now = ttl.now();
                return stored -> {
                    Map<Object, Object> alive = new HashMap<>();
                    stored.forEach((k, v) -> {
                        if (!ttl.isExpired(v, now)) {
                            alive.put(k, v);
                        }
                    });
                    return alive.isEmpty() ? null : alive;
                };
            });
        }
    }

    @Override
    public UV get(UK key) {
        Map<Object, Object> stored = storage.get();
        if (stored == null || !stored.containsKey(key)) {
            return null;
        }
        Object v = stored.get(key);
        if (!ttl.enabled()) {
            return ttl.unwrap(v);
        }
        if (ttl.isExpired(v, ttl.now())) {
            remove(key);
            return ttl.returnExpired() ? ttl.unwrap(v) : null;
        }
        if (ttl.updateOnRead()) {
            Map<Object, Object> next = new HashMap<>(stored);
            next.put(key, ttl.touch(v));
            storage.put(next);
        }
        return ttl.unwrap(v);
    }

    @Override
    public void put(UK key, UV value) {
        Map<Object, Object> stored = storage.get();
        Map<Object, Object> next = stored == null ? new HashMap<>() : new HashMap<>(stored);
        next.put(key, ttl.wrap(value));
        storage.put(next);
    }

    @Override
    public void putAll(Map<UK, UV> map) {
        if (map == null || map.isEmpty()) {
            return;
        }
        Map<Object, Object> stored = storage.get();
        Map<Object, Object> next = stored == null ? new HashMap<>() : new HashMap<>(stored);
        map.forEach((k, v) -> next.put(k, ttl.wrap(v)));
        storage.put(next);
    }

    @Override
    public void remove(UK key) {
        Map<Object, Object> stored = storage.get();
        if (stored == null || !stored.containsKey(key)) {
            return;
        }
        Map<Object, Object> next = new HashMap<>(stored);
        next.remove(key);
        if (next.isEmpty()) {
            storage.remove();
        } else {
            storage.put(next);
        }
    }

    @Override
    public boolean contains(UK key) {
        Map<Object, Object> stored = storage.get();
        return stored != null && stored.containsKey(key) && visible().containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return visible().entrySet();
    }

    @Override
    public Iterable<UK> keys() {
        return visible().keySet();
    }

    @Override
    public Iterable<UV> values() {
        return visible().values();
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        Iterator<Map.Entry<UK, UV>> entries = new ArrayList<>(visible().entrySet()).iterator();
        return new Iterator<>() {
            private Map.Entry<UK, UV> last;

            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public Map.Entry<UK, UV> next() {
                last = entries.next();
                return last;
            }

            @Override
            public void remove() {
                if (last == null) {
                    throw new IllegalStateException("next() was not called");
                }
                HeapMapState.this.remove(last.getKey());
                last = null;
            }
        };
    }

    @Override
    public boolean isEmpty() {
        return visible().isEmpty();
    }

    @Override
    public void clear() {
        storage.remove();
    }

    /** The current key's mappings as the user sees them; expired ones are removed (and shown once if visibility allows). */
    @SuppressWarnings("unchecked")
    private Map<UK, UV> visible() {
        Map<Object, Object> stored = storage.get();
        Map<UK, UV> out = new LinkedHashMap<>();
        if (stored == null) {
            return out;
        }
        if (!ttl.enabled()) {
            stored.forEach((k, v) -> out.put((UK) k, (UV) v));
            return out;
        }
        long now = ttl.now();
        Map<Object, Object> kept = new HashMap<>();
        List<Object> expired = new ArrayList<>();
        stored.forEach((k, v) -> {
            boolean isExpired = ttl.isExpired(v, now);
            if (!isExpired || ttl.returnExpired()) {
                out.put((UK) k, ttl.unwrap(v));
            }
            if (isExpired) {
                expired.add(k);
            } else {
                kept.put(k, ttl.updateOnRead() ? ttl.touch(v) : v);
            }
        });
        if (!expired.isEmpty() || ttl.updateOnRead()) {
            if (kept.isEmpty()) {
                storage.remove();
            } else {
                storage.put(kept);
            }
        }
        return out;
    }
}
