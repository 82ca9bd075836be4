package dev.spindle.runtime.operators.co;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.co.CoMapFunction;

/** Applies a {@link CoMapFunction}: one output record per record of either input. */
public final class CoMapOperator<IN1, IN2, OUT> extends AbstractTwoInputOperator<CoMapFunction<IN1, IN2, OUT>, IN1, IN2, OUT> {

    private static final long serialVersionUID = 1L;

    /** Key selectors: null on non-keyed connected streams. */
    public CoMapOperator(CoMapFunction<IN1, IN2, OUT> function, KeySelector<IN1, ?> keySelector1, KeySelector<IN2, ?> keySelector2) {
        super(function, keySelector1, keySelector2);
    }

    @Override
    public void processElement1(IN1 record) throws Exception {
        setKeyContext1(record);
        output.collect(function.map1(record));
    }

    @Override
    public void processElement2(IN2 record) throws Exception {
        setKeyContext2(record);
        output.collect(function.map2(record));
    }
}
