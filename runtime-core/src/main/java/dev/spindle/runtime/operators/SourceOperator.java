package dev.spindle.runtime.operators;

import dev.spindle.api.functions.SourceFunction;

/** The head of a source chain: runs a {@link SourceFunction} in the task thread. */
public final class SourceOperator<OUT> extends UserFunctionOperator<SourceFunction<OUT>, Void, OUT>
        implements SourceFunction.SourceContext<OUT> {

    private static final long serialVersionUID = 1L;

    private transient volatile boolean canceled;

    public SourceOperator(SourceFunction<OUT> function) {
        super(function);
    }

    /** Emits until the source ends or is canceled. */
    public void run() throws Exception {
        if (!canceled) {
            function.run(this);
        }
    }

    public void cancel() {
        canceled = true;
        function.cancel();
    }

    @Override
    public void collect(OUT record) {
        output.collect(record);
    }

    @Override
    public void processElement(Void record) {
        throw new UnsupportedOperationException("a source has no input");
    }
}
