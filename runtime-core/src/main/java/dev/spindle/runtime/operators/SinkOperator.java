package dev.spindle.runtime.operators;

import dev.spindle.api.functions.SinkFunction;

/** Hands every record to a {@link SinkFunction}; tells it to commit once all input arrived. */
public final class SinkOperator<T> extends UserFunctionOperator<SinkFunction<T>, T, Void> {

    private static final long serialVersionUID = 1L;

    public SinkOperator(SinkFunction<T> function) {
        super(function);
    }

    @Override
    public void processElement(T record) throws Exception {
        function.invoke(record);
    }

    @Override
    public void endInput() throws Exception {
        // finish() commits what the sink wrote: a task whose job master no longer runs it must not
        if (context != null && context.environment() != null) {
            context.environment().getFinalCommitFence().awaitPermission();
        }
        function.finish();
    }
}
