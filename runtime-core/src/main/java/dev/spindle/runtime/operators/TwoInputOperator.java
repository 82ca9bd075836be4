package dev.spindle.runtime.operators;

/**
 * An operator with two inputs (connected streams): the task hands it each record through the method
 * of the input the record arrived on; watermarks come as the minimum over both inputs.
 */
public interface TwoInputOperator<IN1, IN2> {

    /** A record of the first input. */
    void processElement1(IN1 record) throws Exception;

    /** A record of the second input. */
    void processElement2(IN2 record) throws Exception;
}
