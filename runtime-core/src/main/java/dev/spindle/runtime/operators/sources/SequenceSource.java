package dev.spindle.runtime.operators.sources;

import dev.spindle.api.checkpoint.CheckpointedFunction;
import dev.spindle.api.checkpoint.FunctionInitializationContext;
import dev.spindle.api.checkpoint.FunctionSnapshotContext;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.SourceFunction;

/** Emits the longs {@code from..to} (inclusive); each parallel subtask emits one contiguous range. */
public final class SequenceSource extends AbstractRichFunction implements SourceFunction<Long>, CheckpointedFunction,
        dev.spindle.runtime.metrics.InputProgress {

    private static final long serialVersionUID = 1L;

    private final long from;
    private final long to;
    private transient volatile boolean canceled;
    private transient SourcePositionState position;
    /** How many numbers of this subtask's range were emitted; guarded by the checkpoint lock. */
    private transient long emitted;
    /** For the heartbeat: numbers emitted and this subtask's range size (-1 before run). */
    private transient volatile long progressEmitted;
    private transient volatile long progressTotal = -1;

    @Override
    public void initializeState(FunctionInitializationContext context) {
        position = new SourcePositionState(context, "sequence-emitted");
        emitted = position.restored() != null ? position.restored()[0] : 0;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        position.save(emitted);
    }

    public SequenceSource(long from, long to) {
        if (to < from) {
            throw new IllegalArgumentException("fromSequence(" + from + ", " + to + "): 'to' must not be smaller than 'from'");
        }
        this.from = from;
        this.to = to;
    }

    @Override
    public void run(SourceContext<Long> ctx) {
        int subtask = getRuntimeContext().getIndexOfThisSubtask();
        int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
        // Split the (possibly huge) range in unsigned arithmetic-safe steps: count = to - from + 1.
        long count = to - from + 1;
        long base = count / parallelism;
        long remainder = count % parallelism;
        long start = from + subtask * base + Math.min(subtask, remainder);
        long size = base + (subtask < remainder ? 1 : 0);
        Object lock = ctx.getCheckpointLock();
        progressTotal = size;
        progressEmitted = emitted; // a restored position was read before
        while (!canceled) {
            synchronized (lock) {
                if (emitted >= size) {
                    progressEmitted = emitted;
                    return;
                }
                ctx.collect(start + emitted);
                emitted++;
                progressEmitted = emitted;
            }
        }
    }

    @Override
    public long inputConsumed() {
        return progressEmitted;
    }

    @Override
    public long inputTotal() {
        return progressTotal;
    }

    @Override
    public void cancel() {
        canceled = true;
    }

    @Override
    public boolean isBounded() {
        return true;
    }
}
