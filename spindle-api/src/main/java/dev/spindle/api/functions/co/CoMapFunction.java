package dev.spindle.api.functions.co;

import dev.spindle.api.functions.Function;

/** Maps the records of two connected streams to one output type: {@link #map1} for the first input, {@link #map2} for the second. */
public interface CoMapFunction<IN1, IN2, OUT> extends Function {

    /** One output record for a record of the first input. */
    OUT map1(IN1 value) throws Exception;

    /** One output record for a record of the second input. */
    OUT map2(IN2 value) throws Exception;
}
