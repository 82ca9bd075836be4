package dev.spindle.runtime.operators.co;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.co.CoFlatMapFunction;

/** Applies a {@link CoFlatMapFunction}, which emits straight into the output. */
public final class CoFlatMapOperator<IN1, IN2, OUT>
        extends AbstractTwoInputOperator<CoFlatMapFunction<IN1, IN2, OUT>, IN1, IN2, OUT> {

    private static final long serialVersionUID = 1L;

    /** Key selectors: null on non-keyed connected streams. */
    public CoFlatMapOperator(CoFlatMapFunction<IN1, IN2, OUT> function, KeySelector<IN1, ?> keySelector1,
                             KeySelector<IN2, ?> keySelector2) {
        super(function, keySelector1, keySelector2);
    }

    @Override
    public void processElement1(IN1 record) throws Exception {
        setKeyContext1(record);
        function.flatMap1(record, output);
    }

    @Override
    public void processElement2(IN2 record) throws Exception {
        setKeyContext2(record);
        function.flatMap2(record, output);
    }
}
