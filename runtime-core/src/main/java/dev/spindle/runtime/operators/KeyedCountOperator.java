package dev.spindle.runtime.operators;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.tuple.Tuple2;
import java.util.HashMap;
import java.util.Map;

/** Counts records per key, emitting (key, count): per record in STREAMING, once per key at the end in BATCH. */
public final class KeyedCountOperator<K, T> extends StreamOperator<T, Tuple2<K, Long>> {

    private static final long serialVersionUID = 1L;

    private final KeySelector<T, K> keySelector;
    private transient Map<K, long[]> counts;
    private transient boolean batch;

    public KeyedCountOperator(KeySelector<T, K> keySelector) {
        this.keySelector = keySelector;
    }

    @Override
    public void open() {
        counts = new HashMap<>();
        batch = context.isBatchMode();
    }

    @Override
    public void processElement(T record) throws Exception {
        K key = keySelector.getKey(record);
        long[] count = counts.get(key);
        if (count == null) {
            count = new long[1];
            counts.put(key, count);
        }
        count[0]++;
        if (!batch) {
            output.collect(Tuple2.of(key, count[0]));
        }
    }

    @Override
    public void endInput() {
        if (batch) {
            for (Map.Entry<K, long[]> e : counts.entrySet()) {
                output.collect(Tuple2.of(e.getKey(), e.getValue()[0]));
            }
        }
    }
}
