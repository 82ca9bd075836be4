package dev.spindle.runtime.operators;

import dev.spindle.api.functions.SourceFunction;

/** The head of a source chain: runs a {@link SourceFunction} in the task thread. */
public final class SourceOperator<OUT> extends UserFunctionOperator<SourceFunction<OUT>, Void, OUT>
        implements SourceFunction.SourceContext<OUT> {

    private static final long serialVersionUID = 1L;

    private transient volatile boolean canceled;
    private transient Object checkpointLock = new Object();
    private transient java.util.concurrent.ConcurrentLinkedQueue<Runnable> underLock = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The last watermark the source emitted itself. */
    private transient long currentWatermark = Long.MIN_VALUE;
    private transient boolean idle;

    public SourceOperator(SourceFunction<OUT> function) {
        super(function);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        checkpointLock = new Object();
        underLock = new java.util.concurrent.ConcurrentLinkedQueue<>();
        currentWatermark = Long.MIN_VALUE;
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
        emit(record, RecordTimestamp.NONE);
    }

    @Override
    public void collectWithTimestamp(OUT record, long timestamp) {
        emit(record, timestamp);
    }

    private void emit(OUT record, long timestamp) {
        // Reentrant for sources that already hold the lock; keeps a barrier from landing inside a record.
        synchronized (checkpointLock) {
            if (!underLock.isEmpty()) {
                runUnderLock();
            }
            markActive();
            context.recordTimestamp().set(timestamp);
            output.collect(record);
        }
    }

    @Override
    public void emitWatermark(dev.spindle.api.eventtime.Watermark watermark) {
        synchronized (checkpointLock) {
            long w = watermark.getTimestamp();
            if (w <= currentWatermark) {
                return;
            }
            markActive();
            currentWatermark = w;
            output.emitWatermark(w);
        }
    }

    @Override
    public void markAsTemporarilyIdle() {
        synchronized (checkpointLock) {
            if (!idle) {
                idle = true;
                output.emitWatermarkStatus(true);
            }
        }
    }

    private void markActive() {
        if (idle) {
            idle = false;
            output.emitWatermarkStatus(false);
        }
    }

    /**
     * Runs {@code action} (a checkpoint, a completion notice) between two records, holding the lock:
     * at the next {@link #collect} (before its record, whose position the source has not advanced
     * past yet) or, for a source that emits nothing now, on the caller's thread once it gets the lock.
     * Both, because a busy source re-takes the (unfair) lock at once and would starve a waiting thread.
     */
    public void runBetweenRecords(Runnable action) {
        underLock.add(action);
        synchronized (checkpointLock) {
            runUnderLock();
        }
    }

    private void runUnderLock() {
        Runnable r;
        while ((r = underLock.poll()) != null) {
            r.run();
        }
    }

    @Override
    public Object getCheckpointLock() {
        return checkpointLock;
    }

    /** How much of its input the source read, when it is bounded and tracks that; otherwise null. */
    public dev.spindle.runtime.metrics.InputProgress inputProgress() {
        return function.isBounded() && function instanceof dev.spindle.runtime.metrics.InputProgress p ? p : null;
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
