package dev.spindle.api.windowing.assigners;

import dev.spindle.api.windowing.triggers.ProcessingTimeTrigger;
import dev.spindle.api.windowing.triggers.Trigger;
import dev.spindle.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/** Processing-time windows of a fixed size starting every {@code slide}. */
public final class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long slide;
    private final long offset;

    private SlidingProcessingTimeWindows(long size, long slide, long offset) {
        this.size = WindowSizes.positive("size", size);
        this.slide = WindowSizes.positive("slide", slide);
        this.offset = WindowSizes.offset(offset, slide);
    }

    /** Windows of {@code size} every {@code slide}. */
    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return new SlidingProcessingTimeWindows(size.toMillis(), slide.toMillis(), 0);
    }

    /** Windows of {@code size} every {@code slide}, shifted by {@code offset}. */
    public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingProcessingTimeWindows(size.toMillis(), slide.toMillis(), offset.toMillis());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return SlidingEventTimeWindows.slidingWindows(context.getCurrentProcessingTime(), size, slide, offset);
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
