package dev.spindle.runtime.operators;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.runtime.state.HeapKeyedState;
import dev.spindle.runtime.state.KeyedStateBackend;

/**
 * Reduces the records of each key, keeping the reduced value in keyed state (so it is checkpointed).
 * STREAMING: emits the updated value after every record. BATCH: emits each key's final value once
 * all input arrived.
 */
public final class KeyedReduceOperator<K, T> extends UserFunctionOperator<ReduceFunction<T>, T, T> {

    private static final long serialVersionUID = 1L;

    private final KeySelector<T, K> keySelector;
    private transient KeyedStateBackend backend;
    private transient HeapKeyedState<T> values;
    private transient boolean batch;

    public KeyedReduceOperator(KeySelector<T, K> keySelector, ReduceFunction<T> function) {
        super(function);
        this.keySelector = keySelector;
    }

    @Override
    protected boolean isKeyed() {
        return true;
    }

    @Override
    public void open() throws Exception {
        super.open();
        backend = keyedStateBackend();
        values = backend.getOrCreate("reduce-value", "VALUE");
        batch = context.isBatchMode();
    }

    @Override
    public void processElement(T record) throws Exception {
        backend.setCurrentKey(keySelector.getKey(record));
        T previous = values.get();
        T current = previous == null ? record : function.reduce(previous, record);
        values.put(current);
        if (!batch) {
            output.collect(current);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void endInput() {
        if (batch) {
            values.forEach((key, value) -> output.collect((T) value));
        }
    }
}
