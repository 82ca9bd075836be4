package dev.spindle.runtime.operators;

import java.io.Serializable;

/**
 * One step of an operator chain. Shipped Java-serialized in the job graph; the task deserializes a
 * fresh instance per subtask, calls {@link #setup}, {@link #open}, {@link #processElement} per
 * record, {@link #endInput} once all input arrived (success only) and {@link #close} always.
 */
public abstract class StreamOperator<IN, OUT> implements Serializable {

    private static final long serialVersionUID = 1L;

    protected transient OperatorContext context;
    protected transient Output<OUT> output;

    public final void setup(OperatorContext context, Output<OUT> output) {
        this.context = context;
        this.output = output;
    }

    public void open() throws Exception {
    }

    public abstract void processElement(IN record) throws Exception;

    /** All input arrived: emit what was held back (BATCH results) and commit sinks. Not called on failure. */
    public void endInput() throws Exception {
    }

    /** Releases resources; called after {@link #endInput} on success and also on failure or cancel. */
    public void close() throws Exception {
    }
}
