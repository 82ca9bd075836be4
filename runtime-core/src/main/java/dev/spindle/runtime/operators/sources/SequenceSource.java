package dev.spindle.runtime.operators.sources;

import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.SourceFunction;

/** Emits the longs {@code from..to} (inclusive); each parallel subtask emits one contiguous range. */
public final class SequenceSource extends AbstractRichFunction implements SourceFunction<Long> {

    private static final long serialVersionUID = 1L;

    private final long from;
    private final long to;
    private transient volatile boolean canceled;

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
        for (long i = 0; i < size && !canceled; i++) {
            ctx.collect(start + i);
        }
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
