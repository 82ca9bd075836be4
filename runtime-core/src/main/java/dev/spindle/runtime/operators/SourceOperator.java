package dev.spindle.runtime.operators;

import dev.spindle.api.functions.SourceFunction;

/** The head of a source chain: runs a {@link SourceFunction} in the task thread. */
public final class SourceOperator<OUT> extends UserFunctionOperator<SourceFunction<OUT>, Void, OUT>
        implements SourceFunction.SourceContext<OUT> {

    private static final long serialVersionUID = 1L;

    private transient volatile boolean canceled;
    private transient Object checkpointLock = new Object();

    public SourceOperator(SourceFunction<OUT> function) {
        super(function);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        checkpointLock = new Object();
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
        // Reentrant for sources that already hold the lock; keeps a barrier from landing inside a record.
        synchronized (checkpointLock) {
            output.collect(record);
        }
    }

    @Override
    public Object getCheckpointLock() {
        return checkpointLock;
    }

    /** Whether the source can re-emit the same records from a restored position. */
    public boolean isReplayable() {
        return !(function instanceof NonReplayableSource);
    }

    @Override
    public void processElement(Void record) {
        throw new UnsupportedOperationException("a source has no input");
    }
}
