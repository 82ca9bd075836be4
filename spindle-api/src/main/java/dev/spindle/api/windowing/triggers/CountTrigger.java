package dev.spindle.api.windowing.triggers;

import dev.spindle.api.state.ReducingState;
import dev.spindle.api.state.ReducingStateDescriptor;
import dev.spindle.api.windowing.windows.Window;

/** Fires a window each time it received another {@code maxCount} records (counted per key and window, checkpointed). */
public final class CountTrigger<W extends Window> extends Trigger<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long maxCount;
    private final ReducingStateDescriptor<Long> countDescriptor = new ReducingStateDescriptor<>("count-trigger", Long::sum, Long.class);

    private CountTrigger(long maxCount) {
        if (maxCount < 1) {
            throw new IllegalArgumentException("a count trigger needs a count of at least 1, was " + maxCount);
        }
        this.maxCount = maxCount;
    }

    /** Fires every {@code maxCount} records. */
    public static <W extends Window> CountTrigger<W> of(long maxCount) {
        return new CountTrigger<>(maxCount);
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
        ReducingState<Long> count = ctx.getPartitionedState(countDescriptor);
        count.add(1L);
        if (count.get() >= maxCount) {
            count.clear();
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    /** The merged window counts the records of all windows merged into it; it fires at once if they reach the count. */
    @Override
    public void onMerge(W window, OnMergeContext ctx) {
        ctx.mergePartitionedState(countDescriptor);
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ctx.getPartitionedState(countDescriptor).clear();
    }

    @Override
    public String toString() {
        return "CountTrigger(" + maxCount + ")";
    }
}
