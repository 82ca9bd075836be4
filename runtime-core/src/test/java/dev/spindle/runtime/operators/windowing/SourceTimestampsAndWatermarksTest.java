package dev.spindle.runtime.operators.windowing;

import static dev.spindle.runtime.operators.windowing.WindowJobs.Event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.OutputTag;
import dev.spindle.api.SingleOutputStreamOperator;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.WriteMode;
import dev.spindle.api.eventtime.Watermark;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.SinkFunction;
import dev.spindle.api.functions.SourceFunction;
import dev.spindle.api.windowing.assigners.TumblingEventTimeWindows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * User sources that set event time themselves (collectWithTimestamp, emitWatermark) and go idle
 * (markAsTemporarilyIdle), with no timestamp assigner after them, on the distributed runtime.
 */
@Timeout(120)
class SourceTimestampsAndWatermarksTest {

    @TempDir
    Path tmp;

    /** The late-data events, their timestamps given only through collectWithTimestamp (the records carry -1). */
    static final class TimestampingSource implements SourceFunction<Event> {
        private volatile boolean canceled;

        @Override
        public void run(SourceContext<Event> ctx) {
            long max = Long.MIN_VALUE / 2;
            for (Event e : EventTimeWindowsTest.lateEvents()) {
                if (canceled) {
                    return;
                }
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collectWithTimestamp(new Event(e.key(), -1, e.value()), e.ts());
                    max = Math.max(max, e.ts());
                    ctx.emitWatermark(new Watermark(max - EventTimeWindowsTest.BOUND - 1));
                }
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

    @Test
    void aSourceAssignsEventTimeAndWatermarksItself() throws Exception {
        List<List<String>> expected = EventTimeWindowsTest.lateReference(EventTimeWindowsTest.lateEvents());
        assertFalse(expected.get(1).isEmpty(), "the test data has no records beyond the allowed lateness");
        StreamEnvironment env = WindowJobs.environment(2);
        OutputTag<Event> lateTag = new OutputTag<>("late", Event.class);
        SingleOutputStreamOperator<String> windows = env.addSource(new TimestampingSource())
                .keyBy(Event::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(EventTimeWindowsTest.SIZE)))
                .allowedLateness(Duration.ofMillis(EventTimeWindowsTest.LATENESS))
                .sideOutputLateData(lateTag)
                .aggregate(new EventTimeWindowsTest.CountAndSum(), new EventTimeWindowsTest.Describe());
        windows.writeAsText(tmp.resolve("results").toUri().toString(), WriteMode.OVERWRITE);
        windows.getSideOutput(lateTag).writeAsText(tmp.resolve("late").toUri().toString(), WriteMode.OVERWRITE);
        WindowJobs.run(env, "source timestamps");
        assertEquals(expected.get(0), WindowJobs.lines(tmp.resolve("results")));
        assertEquals(WindowJobs.sorted(expected.get(1).stream().map(l -> l.replaceFirst("@-?\\d+=", "@-1=")).toList()),
                WindowJobs.lines(tmp.resolve("late")));
    }

    // ---- idleness declared by the source -------------------------------------------------------

    private static final int EVENTS = 150;
    private static final long SIZE = 100;
    /** Windows [0, 1400) of three keys lie below the busy partition's last watermark (1489). */
    private static final int EARLY_RESULTS = 14 * 3;

    static final AtomicBoolean RELEASED = new AtomicBoolean();
    static final AtomicBoolean SOURCES_ENDED = new AtomicBoolean();
    static final AtomicInteger RESULTS_WHILE_RUNNING = new AtomicInteger();

    /** Partition 0 sends timestamped events and watermarks, partition 1 declares itself idle; both wait until released or 10 s passed. */
    static final class OnePartitionIdle extends AbstractRichFunction implements SourceFunction<Event> {
        private volatile boolean canceled;

        @Override
        public void run(SourceContext<Event> ctx) throws Exception {
            if (getRuntimeContext().getIndexOfThisSubtask() == 0) {
                for (int i = 0; i < EVENTS && !canceled; i++) {
                    synchronized (ctx.getCheckpointLock()) {
                        ctx.collectWithTimestamp(new Event("k" + (i % 3), i * 10L, i), i * 10L);
                        ctx.emitWatermark(new Watermark(i * 10L - 1));
                    }
                }
            } else {
                ctx.markAsTemporarilyIdle();
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!RELEASED.get() && !canceled && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            SOURCES_ENDED.set(true);
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

    /** Counts results that arrive before any source ended, and releases the sources once all early windows arrived. */
    static final class Watch implements SinkFunction<String> {
        @Override
        public void invoke(String value) {
            if (!SOURCES_ENDED.get() && RESULTS_WHILE_RUNNING.incrementAndGet() >= EARLY_RESULTS) {
                RELEASED.set(true);
            }
        }
    }

    @Test
    void aSourceThatDeclaresItselfIdleNoLongerHoldsBackWindows() throws Exception {
        RELEASED.set(false);
        SOURCES_ENDED.set(false);
        RESULTS_WHILE_RUNNING.set(0);
        StreamEnvironment env = WindowJobs.environment(2);
        var results = env.addSource(new OnePartitionIdle()).setParallelism(2)
                .keyBy(Event::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .aggregate(new CountEvents<>(), new DescribeCount());
        results.addSink(new Watch()).setParallelism(1);
        results.writeAsText(tmp.resolve("idle").toUri().toString(), WriteMode.OVERWRITE);
        WindowJobs.run(env, "source idleness");
        assertTrue(RELEASED.get(), "only " + RESULTS_WHILE_RUNNING.get() + " of " + EARLY_RESULTS
                + " window results arrived while the sources ran");
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < EVENTS; i++) {
            long start = i * 10L / SIZE * SIZE;
            counts.merge("k" + (i % 3) + " [" + start + "," + (start + SIZE) + ")", 1, Integer::sum);
        }
        List<String> reference = new ArrayList<>();
        counts.forEach((w, c) -> reference.add(w + " count=" + c));
        assertEquals(WindowJobs.sorted(reference), WindowJobs.lines(tmp.resolve("idle")));
    }
}
