package dev.spindle.runtime.operators.windowing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spindle.api.windowing.assigners.EventTimeSessionWindows;
import dev.spindle.api.windowing.assigners.SlidingEventTimeWindows;
import dev.spindle.api.windowing.assigners.TumblingEventTimeWindows;
import dev.spindle.api.windowing.triggers.CountTrigger;
import dev.spindle.api.windowing.triggers.EventTimeTrigger;
import dev.spindle.api.windowing.triggers.PurgingTrigger;
import dev.spindle.api.windowing.triggers.TriggerResult;
import dev.spindle.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which windows the assigners give a timestamp, how sessions merge, and what the triggers decide. */
class WindowAssignersTest {

    @Test
    void tumblingWindowsAlignToTheEpochAlsoForNegativeTimestamps() {
        TumblingEventTimeWindows w = TumblingEventTimeWindows.of(Duration.ofMillis(100));
        assertEquals(List.of(new TimeWindow(200, 300)), new ArrayList<>(w.assignWindows("x", 250, () -> 0)));
        assertEquals(List.of(new TimeWindow(-100, 0)), new ArrayList<>(w.assignWindows("x", -1, () -> 0)));
        assertEquals(List.of(new TimeWindow(5, 105)),
                new ArrayList<>(TumblingEventTimeWindows.of(Duration.ofMillis(100), Duration.ofMillis(5)).assignWindows("x", 104, () -> 0)));
        assertThrows(IllegalStateException.class, () -> w.assignWindows("x", Long.MIN_VALUE, () -> 0));
    }

    @Test
    void slidingWindowsGiveEachTimestampSizeOverSlideWindows() {
        SlidingEventTimeWindows w = SlidingEventTimeWindows.of(Duration.ofMillis(300), Duration.ofMillis(100));
        assertEquals(Set.of(new TimeWindow(200, 500), new TimeWindow(100, 400), new TimeWindow(0, 300)),
                Set.copyOf(w.assignWindows("x", 250, () -> 0)));
    }

    @Test
    void sessionWindowsMergeWhenTheyOverlapOrTouch() {
        EventTimeSessionWindows sessions = EventTimeSessionWindows.withGap(Duration.ofMillis(10));
        List<String> merges = new ArrayList<>();
        sessions.mergeWindows(List.of(new TimeWindow(0, 10), new TimeWindow(10, 20), new TimeWindow(30, 40), new TimeWindow(35, 45),
                new TimeWindow(100, 110)), (members, result) -> merges.add(members.size() + "->" + result));
        assertEquals(List.of("2->TimeWindow{start=0, end=20}", "2->TimeWindow{start=30, end=45}"), merges);
    }

    @Test
    void triggersDecideAsFlinksDo() throws Exception {
        FakeTriggerContext ctx = new FakeTriggerContext();
        TimeWindow w = new TimeWindow(0, 100);
        ctx.watermark = 50;
        assertEquals(TriggerResult.CONTINUE, EventTimeTrigger.create().onElement("x", 10, w, ctx));
        assertEquals(List.of(99L), ctx.eventTimers);
        ctx.watermark = 120;
        assertEquals(TriggerResult.FIRE, EventTimeTrigger.create().onElement("late", 10, w, ctx), "a late record refires");
        assertEquals(TriggerResult.FIRE, EventTimeTrigger.create().onEventTime(99, w, ctx));
        CountTrigger<TimeWindow> count = CountTrigger.of(3);
        assertEquals(TriggerResult.CONTINUE, count.onElement("a", 0, w, ctx));
        assertEquals(TriggerResult.CONTINUE, count.onElement("b", 0, w, ctx));
        assertEquals(TriggerResult.FIRE, count.onElement("c", 0, w, ctx));
        assertEquals(TriggerResult.CONTINUE, count.onElement("d", 0, w, ctx), "the count starts over after firing");
        assertEquals(TriggerResult.FIRE_AND_PURGE, PurgingTrigger.of(EventTimeTrigger.create()).onEventTime(99, w, ctx));
    }

    /** Records the timers a trigger sets; its state lives in a real keyed state backend, under one key. */
    static final class FakeTriggerContext implements dev.spindle.api.windowing.triggers.Trigger.TriggerContext {
        long watermark;
        final List<Long> eventTimers = new ArrayList<>();
        final dev.spindle.runtime.state.KeyedStateBackend backend = new dev.spindle.runtime.state.KeyedStateBackend();

        @Override
        public long getCurrentProcessingTime() {
            return 0;
        }

        @Override
        public long getCurrentWatermark() {
            return watermark;
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
        }

        @Override
        public void registerEventTimeTimer(long time) {
            eventTimers.add(time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            eventTimers.remove(time);
        }

        @Override
        public <S extends dev.spindle.api.state.State> S getPartitionedState(dev.spindle.api.state.StateDescriptor<S, ?> descriptor) {
            backend.setCurrentKey("the-key");
            return backend.getState(descriptor);
        }
    }
}
