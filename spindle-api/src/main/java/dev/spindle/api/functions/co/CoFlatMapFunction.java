package dev.spindle.api.functions.co;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.Function;

/** Turns each record of two connected streams into zero or more records of one output type. */
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {

    /** Handles a record of the first input. */
    void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

    /** Handles a record of the second input. */
    void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
