package dev.spindle.runtime.operators;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.FlatMapFunction;

/** Applies a {@link FlatMapFunction}, which emits straight into the output. */
public final class FlatMapOperator<IN, OUT> extends UserFunctionOperator<FlatMapFunction<IN, OUT>, IN, OUT> {

    private static final long serialVersionUID = 1L;

    public FlatMapOperator(FlatMapFunction<IN, OUT> function) {
        super(function);
    }

    /** On a keyed stream: the function may use keyed state, scoped to each record's key. */
    public FlatMapOperator(FlatMapFunction<IN, OUT> function, KeySelector<IN, ?> keySelector) {
        super(function, keySelector);
    }

    @Override
    public void processElement(IN record) throws Exception {
        setKeyContext(record);
        function.flatMap(record, output);
    }
}
