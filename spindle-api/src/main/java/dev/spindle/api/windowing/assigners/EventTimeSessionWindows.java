package dev.spindle.api.windowing.assigners;

import dev.spindle.api.windowing.triggers.EventTimeTrigger;
import dev.spindle.api.windowing.triggers.Trigger;
import dev.spindle.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/** Event-time sessions: records closer than the gap to each other form one window. */
public class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long gap;

    protected EventTimeSessionWindows(long gap) {
        this.gap = WindowSizes.positive("session gap", gap);
    }

    /** Sessions that end {@code gap} after their last record. */
    public static EventTimeSessionWindows withGap(Duration gap) {
        return new EventTimeSessionWindows(gap.toMillis());
    }

    /** Sessions whose gap each record decides. */
    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> extractor) {
        return new DynamicEventTimeSessionWindows<>(extractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        WindowSizes.requireTimestamp(timestamp, "EventTimeSessionWindows");
        return SessionWindows.window(timestamp, gap);
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindowMerging.mergeWindows(windows, callback);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return (Trigger) EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "EventTimeSessionWindows(" + gap + ")";
    }
}
