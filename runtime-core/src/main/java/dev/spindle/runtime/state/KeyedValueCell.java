package dev.spindle.runtime.state;

/**
 * The single value of the current key behind value, reducing and aggregating state, with the
 * descriptor's time-to-live applied (expired values are removed on read and, if configured, left
 * out of snapshots).
 */
final class KeyedValueCell<T> {

    private final HeapKeyedState<Object> storage;
    private final TtlPolicy ttl;

    KeyedValueCell(HeapKeyedState<Object> storage, TtlPolicy ttl) {
        this.storage = storage;
        this.ttl = ttl;
        if (ttl.cleanupInSnapshot()) {
            storage.setSnapshotTransformer(() -> {
                long now = ttl.now();
                return stored -> ttl.isExpired(stored, now) ? null : stored;
            });
        }
    }

    T read() {
        Object stored = storage.get();
        if (stored == null || !ttl.enabled()) {
            return ttl.unwrap(stored);
        }
        if (ttl.isExpired(stored, ttl.now())) {
            storage.remove();
            return ttl.returnExpired() ? ttl.unwrap(stored) : null;
        }
        if (ttl.updateOnRead()) {
            storage.put(ttl.touch(stored));
        }
        return ttl.unwrap(stored);
    }

    void write(T value) {
        if (value == null) {
            storage.remove();
        } else {
            storage.put(ttl.wrap(value));
        }
    }

    void clear() {
        storage.remove();
    }
}
