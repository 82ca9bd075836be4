package dev.spindle.api.functions.co;

import dev.spindle.api.functions.Collector;

/**
 * Processes a non-keyed stream connected with a broadcast stream: broadcast records may update the
 * broadcast state, the other stream's records read it.
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {

    private static final long serialVersionUID = 1L;

    /** Handles a record of the non-broadcast stream; broadcast state is read-only here. */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    /** Handles a broadcast record (every subtask gets each); broadcast state may be updated here. */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;
}
