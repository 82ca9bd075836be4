package dev.spindle.runtime.operators;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.KeyedProcessFunction;

/** Runs a {@link KeyedProcessFunction} with per-key state scoped to each record's key. */
public final class KeyedProcessOperator<K, IN, OUT>
        extends UserFunctionOperator<KeyedProcessFunction<K, IN, OUT>, IN, OUT>
        implements KeyedProcessFunction.Context<K> {

    private static final long serialVersionUID = 1L;

    private final KeySelector<IN, K> keySelector;
    private transient K currentKey;

    public KeyedProcessOperator(KeySelector<IN, K> keySelector, KeyedProcessFunction<K, IN, OUT> function) {
        super(function);
        this.keySelector = keySelector;
    }

    @Override
    protected boolean isKeyed() {
        return true;
    }

    @Override
    public void processElement(IN record) throws Exception {
        currentKey = keySelector.getKey(record);
        keyedStateBackend().setCurrentKey(currentKey);
        function.processElement(record, this, output);
    }

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

}
