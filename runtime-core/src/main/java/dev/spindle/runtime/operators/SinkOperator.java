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
        function.finish();
    }
}
