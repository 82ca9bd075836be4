package dev.spindle.runtime.operators.sources;

import dev.spindle.api.checkpoint.CheckpointedFunction;
import dev.spindle.api.checkpoint.FunctionInitializationContext;
import dev.spindle.api.checkpoint.FunctionSnapshotContext;
import dev.spindle.api.functions.SourceFunction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Emits the elements of a collection captured when the program was built; runs with parallelism 1. */
public final class CollectionSource<T> implements SourceFunction<T>, CheckpointedFunction, dev.spindle.runtime.metrics.InputProgress {

    private static final long serialVersionUID = 1L;

    private final ArrayList<T> elements;
    private volatile boolean canceled;
    private transient SourcePositionState position;
    /** Index of the next element; guarded by the checkpoint lock. */
    private transient int next;
    /** For the heartbeat: {@link #next} as last published. */
    private transient volatile int progressNext;

    @Override
    public void initializeState(FunctionInitializationContext context) {
        position = new SourcePositionState(context, "collection-index");
        next = position.restored() != null ? (int) position.restored()[0] : 0;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        position.save(next);
    }

    public CollectionSource(Collection<T> elements) {
        this.elements = new ArrayList<>(elements);
    }

    public List<T> elements() {
        return elements;
    }

    @Override
    public void run(SourceContext<T> ctx) {
        Object lock = ctx.getCheckpointLock();
        progressNext = next; // a restored position was read before
        while (!canceled) {
            synchronized (lock) {
                if (next >= elements.size()) {
                    return;
                }
                ctx.collect(elements.get(next));
                next++;
                progressNext = next;
            }
        }
    }

    @Override
    public long inputConsumed() {
        return progressNext;
    }

    @Override
    public long inputTotal() {
        return elements.size();
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
