package dev.spindle.runtime.state;

import dev.spindle.api.state.ListState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A keyed {@link ListState}: per key an immutable list (replaced on every change, as snapshots share
 * the stored lists). With a time-to-live every element expires on its own.
 */
final class HeapKeyedListState<T> implements ListState<T> {

    static final String KIND = "LIST";

    private final HeapKeyedState<List<Object>> storage;
    private final TtlPolicy ttl;

    HeapKeyedListState(HeapKeyedState<List<Object>> storage, TtlPolicy ttl) {
        this.storage = storage;
        this.ttl = ttl;
        if (ttl.cleanupInSnapshot()) {
            storage.setSnapshotTransformer(() -> {
                long now = ttl.now();
                return stored -> {
                    List<Object> alive = new ArrayList<>(stored.size());
                    for (Object e : stored) {
                        if (!ttl.isExpired(e, now)) {
                            alive.add(e);
                        }
                    }
                    return alive.isEmpty() ? null : alive;
                };
            });
        }
    }

    @Override
    public Iterable<T> get() {
        List<Object> stored = storage.get();
        if (stored == null) {
            return List.of();
        }
        if (!ttl.enabled()) {
            @SuppressWarnings("unchecked")
            List<T> values = (List<T>) (List<?>) stored;
            return Collections.unmodifiableList(values);
        }
        long now = ttl.now();
        List<T> visible = new ArrayList<>(stored.size());
        List<Object> kept = new ArrayList<>(stored.size());
        for (Object e : stored) {
            boolean expired = ttl.isExpired(e, now);
            if (!expired || ttl.returnExpired()) {
                visible.add(ttl.unwrap(e));
            }
            if (!expired) {
                kept.add(ttl.updateOnRead() ? ttl.touch(e) : e);
            }
        }
        if (kept.size() != stored.size() || ttl.updateOnRead()) {
            store(kept);
        }
        return Collections.unmodifiableList(visible);
    }

    @Override
    public void add(T value) {
        Objects.requireNonNull(value, "ListState.add(null): a list state holds no null elements");
        List<Object> stored = storage.get();
        List<Object> next = new ArrayList<>(stored == null ? 1 : stored.size() + 1);
        if (stored != null) {
            next.addAll(stored);
        }
        next.add(ttl.wrap(value));
        storage.put(next);
    }

    @Override
    public void addAll(List<T> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        List<Object> stored = storage.get();
        List<Object> next = new ArrayList<>((stored == null ? 0 : stored.size()) + values.size());
        if (stored != null) {
            next.addAll(stored);
        }
        for (T v : values) {
            next.add(ttl.wrap(Objects.requireNonNull(v, "ListState.addAll: a list state holds no null elements")));
        }
        storage.put(next);
    }

    @Override
    public void update(List<T> values) {
        List<Object> next = new ArrayList<>(values == null ? 0 : values.size());
        if (values != null) {
            for (T v : values) {
                next.add(ttl.wrap(Objects.requireNonNull(v, "ListState.update: a list state holds no null elements")));
            }
        }
        store(next);
    }

    private void store(List<Object> next) {
        if (next.isEmpty()) {
            storage.remove();
        } else {
            storage.put(next);
        }
    }

    @Override
    public void clear() {
        storage.remove();
    }
}
