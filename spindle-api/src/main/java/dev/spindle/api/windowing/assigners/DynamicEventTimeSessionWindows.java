package dev.spindle.api.windowing.assigners;

import dev.spindle.api.windowing.triggers.EventTimeTrigger;
import dev.spindle.api.windowing.triggers.Trigger;
import dev.spindle.api.windowing.windows.TimeWindow;
import java.util.Collection;
import java.util.Objects;

/** Event-time sessions whose gap each record decides through a {@link SessionWindowTimeGapExtractor}. */
public final class DynamicEventTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final SessionWindowTimeGapExtractor<T> gapExtractor;

    DynamicEventTimeSessionWindows(SessionWindowTimeGapExtractor<T> gapExtractor) {
        this.gapExtractor = Objects.requireNonNull(gapExtractor, "session gap extractor");
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        WindowSizes.requireTimestamp(timestamp, "EventTimeSessionWindows.withDynamicGap");
        return SessionWindows.window(timestamp, gapExtractor.extract(element));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindowMerging.mergeWindows(windows, callback);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        return (Trigger) EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }
}
