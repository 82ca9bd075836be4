package dev.spindle.runtime.operators.windowing;

import static dev.spindle.runtime.operators.windowing.WindowJobs.Event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.spindle.api.OutputTag;
import dev.spindle.api.SingleOutputStreamOperator;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.WriteMode;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.AggregateFunction;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.windowing.ProcessWindowFunction;
import dev.spindle.api.windowing.assigners.EventTimeSessionWindows;
import dev.spindle.api.windowing.assigners.SlidingEventTimeWindows;
import dev.spindle.api.windowing.assigners.TumblingEventTimeWindows;
import dev.spindle.api.windowing.windows.TimeWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Out-of-order events with known timestamps through tumbling, sliding and session windows on the
 * distributed runtime (MiniCluster, two TaskExecutors, parallelism 2); every window result is
 * compared with a reference computed here in plain Java, including late firings within the allowed
 * lateness and the exact records that reach the late side output.
 */
@Timeout(180)
class EventTimeWindowsTest {

    private static final int KEYS = 5;

    @TempDir
    Path tmp;

    /** Event i: key i % KEYS, timestamp about 10 i, up to 60 ms out of order, value i. */
    static Event event(long i) {
        long jitter = (i * 7919) % 7 * 10;
        return new Event("k" + (i % KEYS), i * 10 - jitter, i);
    }

    /** Counts and sums a window's events; the window function adds the window's bounds. */
    static final class CountAndSum implements AggregateFunction<Event, long[], long[]> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Event value, long[] acc) {
            return new long[] {acc[0] + 1, acc[1] + value.value()};
        }

        @Override
        public long[] getResult(long[] acc) {
            return acc;
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    static final class Describe extends ProcessWindowFunction<long[], String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<long[]> elements, Collector<String> out) {
            for (long[] r : elements) {
                out.collect(line(key, context.window().getStart(), context.window().getEnd(), r[0], r[1]));
            }
        }
    }

    static String line(String key, long start, long end, long count, long sum) {
        return key + " [" + start + "," + end + ") count=" + count + " sum=" + sum;
    }

    // ---- tumbling and sliding, parallel sources, out of order within the bound -----------------

    private List<String> runParallel(long n, boolean sliding) throws Exception {
        StreamEnvironment env = WindowJobs.environment(2);
        Path out = tmp.resolve(sliding ? "sliding" : "tumbling");
        env.fromGenerator(n, EventTimeWindowsTest::event)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(100))
                        .withTimestampAssigner((e, ts) -> e.ts()))
                .keyBy(Event::key)
                .window(sliding ? SlidingEventTimeWindows.of(Duration.ofMillis(300), Duration.ofMillis(100))
                        : TumblingEventTimeWindows.of(Duration.ofMillis(250)))
                .aggregate(new CountAndSum(), new Describe())
                .writeAsText(out.toUri().toString(), WriteMode.OVERWRITE);
        WindowJobs.run(env, sliding ? "sliding" : "tumbling");
        return WindowJobs.lines(out);
    }

    /** The reference: every window of every key with its count and sum, from the events alone. */
    static List<String> reference(long n, long size, long slide) {
        Map<String, long[]> windows = new TreeMap<>();
        for (long i = 0; i < n; i++) {
            Event e = event(i);
            long lastStart = Math.floorDiv(e.ts(), slide) * slide;
            for (long start = lastStart; start > e.ts() - size; start -= slide) {
                long[] r = windows.computeIfAbsent(e.key() + "|" + start, k -> new long[2]);
                r[0]++;
                r[1] += e.value();
            }
        }
        List<String> lines = new ArrayList<>();
        windows.forEach((k, r) -> {
            String[] parts = k.split("\\|");
            long start = Long.parseLong(parts[1]);
            lines.add(line(parts[0], start, start + size, r[0], r[1]));
        });
        return WindowJobs.sorted(lines);
    }

    @Test
    void tumblingWindowsOverParallelOutOfOrderSourcesMatchTheReference() throws Exception {
        long n = 3000;
        List<String> expected = reference(n, 250, 250);
        assertFalse(expected.isEmpty());
        assertEquals(expected, runParallel(n, false));
    }

    @Test
    void slidingWindowsOverParallelOutOfOrderSourcesMatchTheReference() throws Exception {
        long n = 2000;
        assertEquals(reference(n, 300, 100), runParallel(n, true));
    }

    // ---- allowed lateness and the late side output (one source partition: deterministic watermarks) ----

    /** Mostly ordered events with some arriving far too late; timestamps chosen so some late ones fall within the lateness. */
    static List<Event> lateEvents() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String key = "k" + (i % 3);
            long ts = i * 25L;
            events.add(new Event(key, ts, i));
            if (i % 17 == 5) {
                // late by 150..650 ms: some within the allowed lateness, some beyond it
                events.add(new Event(key, ts - 150 - (i % 6) * 100, 1000 + i));
            }
        }
        return events;
    }

    static final long BOUND = 40;
    static final long SIZE = 200;
    static final long LATENESS = 300;

    /** Plays the events through event time as the runtime must: window results per firing, and the late records. */
    static List<List<String>> lateReference(List<Event> events) {
        List<String> results = new ArrayList<>();
        List<String> late = new ArrayList<>();
        Map<String, long[]> open = new HashMap<>();      // key|start -> count, sum
        TreeSet<String> fired = new TreeSet<>();
        long watermark = Long.MIN_VALUE;
        long max = Long.MIN_VALUE / 2;
        for (Event e : events) {
            long start = Math.floorDiv(e.ts(), SIZE) * SIZE;
            long maxTs = start + SIZE - 1;
            String w = e.key() + "|" + start;
            if (maxTs + LATENESS <= watermark) {
                late.add(e.toString());
            } else {
                long[] r = open.computeIfAbsent(w, k -> new long[2]);
                r[0]++;
                r[1] += e.value();
                if (maxTs <= watermark) {
                    results.add(line(e.key(), start, start + SIZE, r[0], r[1]));
                }
            }
            max = Math.max(max, e.ts());
            long next = max - BOUND - 1;
            if (next > watermark) {
                watermark = next;
                fireAndClean(open, fired, watermark, results);
            }
        }
        fireAndClean(open, fired, Long.MAX_VALUE, results);
        return List.of(WindowJobs.sorted(results), WindowJobs.sorted(late));
    }

    private static void fireAndClean(Map<String, long[]> open, TreeSet<String> fired, long watermark, List<String> results) {
        for (var it = open.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            String[] parts = entry.getKey().split("\\|");
            long start = Long.parseLong(parts[1]);
            long maxTs = start + SIZE - 1;
            if (maxTs <= watermark && fired.add(entry.getKey())) {
                results.add(line(parts[0], start, start + SIZE, entry.getValue()[0], entry.getValue()[1]));
            }
            if (watermark == Long.MAX_VALUE || maxTs + LATENESS <= watermark) {
                it.remove();
            }
        }
    }

    @Test
    void allowedLatenessUpdatesResultsAndLaterRecordsReachTheSideOutputExactly() throws Exception {
        List<Event> events = lateEvents();
        List<List<String>> expected = lateReference(events);
        assertFalse(expected.get(1).isEmpty(), "the test data has no records beyond the allowed lateness");
        StreamEnvironment env = WindowJobs.environment(2);
        Path out = tmp.resolve("results");
        Path lateOut = tmp.resolve("late");
        OutputTag<Event> lateTag = new OutputTag<>("late", Event.class);
        SingleOutputStreamOperator<String> windows = env.fromCollection(events)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forGenerator(ctx -> new WindowJobs.PunctuatedBoundedWatermarks(BOUND))
                        .withTimestampAssigner((e, ts) -> e.ts()))
                // one watermark generator sees every event in order: which records are late is decided by the data alone
                .setParallelism(1)
                .keyBy(Event::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .allowedLateness(Duration.ofMillis(LATENESS))
                .sideOutputLateData(lateTag)
                .aggregate(new CountAndSum(), new Describe());
        windows.writeAsText(out.toUri().toString(), WriteMode.OVERWRITE);
        windows.getSideOutput(lateTag).writeAsText(lateOut.toUri().toString(), WriteMode.OVERWRITE);
        WindowJobs.run(env, "lateness");
        assertEquals(expected.get(0), WindowJobs.lines(out));
        assertEquals(expected.get(1), WindowJobs.lines(lateOut));
    }

    // ---- sessions ------------------------------------------------------------------------------

    /** Per key, bursts of events 10 ms apart separated by pauses; out of order by up to 60 ms. */
    static Event sessionEvent(long i) {
        long burst = i / 40;
        long inBurst = i % 40;
        long ts = burst * 1000 + inBurst / KEYS * 10 - (i * 31) % 7 * 10 + (burst % 3) * 70;
        return new Event("k" + (i % KEYS), ts, i);
    }

    static List<String> sessionReference(long n, long gap) {
        Map<String, List<Event>> byKey = new TreeMap<>();
        for (long i = 0; i < n; i++) {
            Event e = sessionEvent(i);
            byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
        }
        List<String> lines = new ArrayList<>();
        byKey.forEach((key, list) -> {
            list.sort((a, b) -> Long.compare(a.ts(), b.ts()));
            long start = list.get(0).ts();
            long end = start + gap;
            long count = 0;
            long sum = 0;
            for (Event e : list) {
                if (e.ts() > end) {
                    lines.add(line(key, start, end, count, sum));
                    start = e.ts();
                    count = 0;
                    sum = 0;
                }
                end = Math.max(end, e.ts() + gap);
                count++;
                sum += e.value();
            }
            lines.add(line(key, start, end, count, sum));
        });
        return WindowJobs.sorted(lines);
    }

    @Test
    void sessionWindowsMergeOutOfOrderEventsAsTheReferenceDoes() throws Exception {
        long n = 2000;
        long gap = 205;
        StreamEnvironment env = WindowJobs.environment(2);
        Path out = tmp.resolve("sessions");
        env.fromGenerator(n, EventTimeWindowsTest::sessionEvent)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(100))
                        .withTimestampAssigner((e, ts) -> e.ts()))
                .keyBy(Event::key)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(gap)))
                .aggregate(new CountAndSum(), new Describe())
                .writeAsText(out.toUri().toString(), WriteMode.OVERWRITE);
        WindowJobs.run(env, "sessions");
        List<String> expected = sessionReference(n, gap);
        assertEquals(expected, WindowJobs.lines(out));
    }
}
