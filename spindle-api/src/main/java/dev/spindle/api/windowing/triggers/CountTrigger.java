package dev.spindle.api.windowing.triggers;

import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import dev.spindle.api.windowing.windows.Window;

/** Fires a window each time it received another {@code maxCount} records (counted per key and window, checkpointed). */
public final class CountTrigger<W extends Window> extends Trigger<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long maxCount;
    private final ValueStateDescriptor<Long> countDescriptor = new ValueStateDescriptor<>("count-trigger");

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
        ValueState<Long> count = ctx.getPartitionedState(countDescriptor);
        long c = (count.value() == null ? 0 : count.value()) + 1;
        if (c >= maxCount) {
            count.clear();
            return TriggerResult.FIRE;
        }
        count.update(c);
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
    public void clear(W window, TriggerContext ctx) {
        ctx.getPartitionedState(countDescriptor).clear();
    }

    @Override
    public String toString() {
        return "CountTrigger(" + maxCount + ")";
    }
}
