package dev.spindle.api.windowing.assigners;

import dev.spindle.api.windowing.triggers.ProcessingTimeTrigger;
import dev.spindle.api.windowing.triggers.Trigger;
import dev.spindle.api.windowing.windows.TimeWindow;
import java.util.Collection;
import java.util.Objects;

/** Processing-time sessions whose gap each record decides. */
public final class DynamicProcessingTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final SessionWindowTimeGapExtractor<T> gapExtractor;

    DynamicProcessingTimeSessionWindows(SessionWindowTimeGapExtractor<T> gapExtractor) {
        this.gapExtractor = Objects.requireNonNull(gapExtractor, "session gap extractor");
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        return SessionWindows.window(context.getCurrentProcessingTime(), gapExtractor.extract(element));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindowMerging.mergeWindows(windows, callback);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        return (Trigger) ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }
}
