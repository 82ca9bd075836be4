package dev.spindle.runtime.operators;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.runtime.state.HeapKeyedState;
import dev.spindle.runtime.state.KeyedStateBackend;

/**
 * Counts records per key in keyed state, emitting (key, count): per record in STREAMING, once per
 * key at the end in BATCH.
 */
public final class KeyedCountOperator<K, T> extends StreamOperator<T, Tuple2<K, Long>> {

    private static final long serialVersionUID = 1L;

    private final KeySelector<T, K> keySelector;
    private transient KeyedStateBackend backend;
    private transient HeapKeyedState<Long> counts;
    private transient boolean batch;

    public KeyedCountOperator(KeySelector<T, K> keySelector) {
        this.keySelector = keySelector;
    }

    @Override
    protected boolean isKeyed() {
        return true;
    }

    @Override
    public void open() {
        backend = keyedStateBackend();
        counts = backend.getOrCreate("count", "VALUE");
        batch = context.isBatchMode();
    }

    @Override
    public void processElement(T record) throws Exception {
        K key = keySelector.getKey(record);
        backend.setCurrentKey(key);
        Long previous = counts.get();
        long count = previous == null ? 1 : previous + 1;
        counts.put(count);
        if (!batch) {
            output.collect(Tuple2.of(key, count));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void endInput() {
        if (batch) {
            counts.forEach((key, count) -> output.collect(Tuple2.of((K) key, count)));
        }
    }
}
