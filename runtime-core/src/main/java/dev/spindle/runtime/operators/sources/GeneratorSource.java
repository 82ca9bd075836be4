package dev.spindle.runtime.operators.sources;

import dev.spindle.api.checkpoint.CheckpointedFunction;
import dev.spindle.api.checkpoint.FunctionInitializationContext;
import dev.spindle.api.checkpoint.FunctionSnapshotContext;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.GeneratorFunction;
import dev.spindle.api.functions.RichFunction;
import dev.spindle.api.functions.SourceFunction;

/**
 * Emits {@code generator(i)} for the indexes {@code 0..count-1} (or forever when count is
 * negative); subtask {@code s} of {@code p} takes the indexes {@code i} with {@code i % p == s}.
 */
public final class GeneratorSource<T> extends AbstractRichFunction implements SourceFunction<T>, CheckpointedFunction,
        dev.spindle.runtime.metrics.InputProgress {

    private static final long serialVersionUID = 1L;

    private final long count;
    private final GeneratorFunction<T> generator;
    private transient volatile boolean canceled;
    private transient SourcePositionState position;
    /** The next index to emit; guarded by the checkpoint lock. */
    private transient long nextIndex;
    private transient boolean restoredPosition;
    /** For the heartbeat: indexes this subtask emitted and owns in all (-1 before run). */
    private transient volatile long progressEmitted;
    private transient volatile long progressTotal = -1;

    @Override
    public void initializeState(FunctionInitializationContext context) {
        position = new SourcePositionState(context, "generator-next-index");
        if (position.restored() != null) {
            nextIndex = position.restored()[0];
            restoredPosition = true;
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        position.save(nextIndex);
    }

    public GeneratorSource(long count, GeneratorFunction<T> generator) {
        this.count = count;
        this.generator = java.util.Objects.requireNonNull(generator, "generator function");
    }

    @Override
    public void open(dev.spindle.api.functions.RuntimeContext context) throws Exception {
        super.open(context);
        if (generator instanceof RichFunction rich) {
            rich.open(context);
        }
    }

    @Override
    public void run(SourceContext<T> ctx) throws Exception {
        int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
        Object lock = ctx.getCheckpointLock();
        synchronized (lock) {
            if (!restoredPosition) {
                nextIndex = getRuntimeContext().getIndexOfThisSubtask();
            }
        }
        int subtask = getRuntimeContext().getIndexOfThisSubtask();
        if (count >= 0) {
            progressTotal = owned(count, subtask, parallelism);
        }
        progressEmitted = owned(nextIndex, subtask, parallelism); // a restored position was read before
        while (!canceled && (count < 0 || nextIndex < count)) {
            synchronized (lock) {
                ctx.collect(generator.generate(nextIndex));
                nextIndex += parallelism;
                progressEmitted = owned(nextIndex, subtask, parallelism);
            }
        }
    }

    /** How many of the indexes {@code 0..limit-1} belong to {@code subtask} ({@code i % parallelism == subtask}). */
    private static long owned(long limit, int subtask, int parallelism) {
        return limit <= subtask ? 0 : (limit - subtask + parallelism - 1) / parallelism;
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
        return count >= 0;
    }

    @Override
    public void close() throws Exception {
        if (generator instanceof RichFunction rich) {
            rich.close();
        }
    }
}
