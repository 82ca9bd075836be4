package dev.spindle.api.windowing.assigners;

import dev.spindle.api.windowing.triggers.ProcessingTimeTrigger;
import dev.spindle.api.windowing.triggers.Trigger;
import dev.spindle.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/** Processing-time sessions: a window closes when no record of its key arrived for the gap. */
public final class ProcessingTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long gap;

    private ProcessingTimeSessionWindows(long gap) {
        this.gap = WindowSizes.positive("session gap", gap);
    }

    /** Sessions that end {@code gap} after their last record arrived. */
    public static ProcessingTimeSessionWindows withGap(Duration gap) {
        return new ProcessingTimeSessionWindows(gap.toMillis());
    }

    /** Sessions whose gap each record decides. */
    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return new DynamicProcessingTimeSessionWindows<>(extractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return SessionWindows.window(context.getCurrentProcessingTime(), gap);
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindowMerging.mergeWindows(windows, callback);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return (Trigger) ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }
}
