package dev.spindle.runtime.operators;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.ReduceFunction;
import java.util.HashMap;
import java.util.Map;

/**
 * Reduces the records of each key. STREAMING: emits the updated value after every record.
 * BATCH: emits each key's final value once all input arrived.
 */
public final class KeyedReduceOperator<K, T> extends UserFunctionOperator<ReduceFunction<T>, T, T> {

    private static final long serialVersionUID = 1L;

    private final KeySelector<T, K> keySelector;
    private transient Map<K, T> values;
    private transient boolean batch;

    public KeyedReduceOperator(KeySelector<T, K> keySelector, ReduceFunction<T> function) {
        super(function);
        this.keySelector = keySelector;
    }

    @Override
    public void open() throws Exception {
        super.open();
        values = new HashMap<>();
        batch = context.isBatchMode();
    }

    @Override
    public void processElement(T record) throws Exception {
        K key = keySelector.getKey(record);
        T previous = values.get(key);
        T current = previous == null ? record : function.reduce(previous, record);
        values.put(key, current);
        if (!batch) {
            output.collect(current);
        }
    }

    @Override
    public void endInput() {
        if (batch) {
            for (T value : values.values()) {
                output.collect(value);
            }
        }
    }

    @Override
    public void close() throws Exception {
        values = null;
        super.close();
    }
}
