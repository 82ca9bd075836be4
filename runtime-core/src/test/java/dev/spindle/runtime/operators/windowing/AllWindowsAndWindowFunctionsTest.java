package dev.spindle.runtime.operators.windowing;

import static dev.spindle.runtime.operators.windowing.EventTimeWindowsTest.line;
import static dev.spindle.runtime.operators.windowing.WindowJobs.Event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spindle.api.DataStream;
import dev.spindle.api.OutputTag;
import dev.spindle.api.SingleOutputStreamOperator;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.WriteMode;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.windowing.AllWindowFunction;
import dev.spindle.api.functions.windowing.ProcessAllWindowFunction;
import dev.spindle.api.functions.windowing.RichWindowFunction;
import dev.spindle.api.windowing.assigners.TumblingEventTimeWindows;
import dev.spindle.api.windowing.windows.GlobalWindow;
import dev.spindle.api.windowing.windows.TimeWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code windowAll} (non-keyed windows at parallelism 1) with every way of evaluating a window, and
 * the keyed {@code WindowFunction} forms, on the distributed runtime (two TaskExecutors, parallel
 * sources feeding the window operator over the real exchange); every result is compared with a
 * reference computed here.
 */
@Timeout(180)
class AllWindowsAndWindowFunctionsTest {

    private static final long N = 2000;
    private static final long SIZE = 250;

    @TempDir
    Path tmp;

    /** "all [start,end) count=c sum=s" from a window's one (count, sum) result. */
    static final class DescribeAll implements AllWindowFunction<long[], String, TimeWindow> {
        @Override
        public void apply(TimeWindow window, Iterable<long[]> values, Collector<String> out) {
            for (long[] r : values) {
                out.collect(line("all", window.getStart(), window.getEnd(), r[0], r[1]));
            }
        }
    }

    /** The same from all of a window's events. */
    static final class CountAll implements AllWindowFunction<Event, String, TimeWindow> {
        @Override
        public void apply(TimeWindow window, Iterable<Event> values, Collector<String> out) {
            long count = 0;
            long sum = 0;
            for (Event e : values) {
                count++;
                sum += e.value();
            }
            out.collect(line("all", window.getStart(), window.getEnd(), count, sum));
        }
    }

    /** The same through the process form, from one pre-aggregated (count, sum). */
    static final class ProcessDescribeAll extends ProcessAllWindowFunction<long[], String, TimeWindow> {
        @Override
        public void process(Context context, Iterable<long[]> elements, Collector<String> out) {
            for (long[] r : elements) {
                out.collect(line("all", context.window().getStart(), context.window().getEnd(), r[0], r[1]));
            }
        }
    }

    /** A keyed window function that is rich: its open runs before the first window (else it throws). */
    static final class CountPerKey extends RichWindowFunction<Event, String, String, TimeWindow> {
        private transient String prefix;

        @Override
        public void open(dev.spindle.api.functions.RuntimeContext context) throws Exception {
            super.open(context);
            prefix = "";
        }

        @Override
        public void apply(String key, TimeWindow window, Iterable<Event> input, Collector<String> out) {
            long count = 0;
            long sum = 0;
            for (Event e : input) {
                count++;
                sum += e.value();
            }
            out.collect(prefix + line(key, window.getStart(), window.getEnd(), count, sum));
        }
    }

    /** Tumbling windows over all events of {@link EventTimeWindowsTest#event}, as one key "all". */
    static List<String> allReference(long n, long size) {
        Map<Long, long[]> windows = new TreeMap<>();
        for (long i = 0; i < n; i++) {
            Event e = EventTimeWindowsTest.event(i);
            long[] r = windows.computeIfAbsent(Math.floorDiv(e.ts(), size) * size, k -> new long[2]);
            r[0]++;
            r[1] += e.value();
        }
        List<String> lines = new ArrayList<>();
        windows.forEach((start, r) -> lines.add(line("all", start, start + size, r[0], r[1])));
        return WindowJobs.sorted(lines);
    }

    private static Event sumEvents(Event a, Event b) {
        return new Event(a.key(), Math.max(a.ts(), b.ts()), a.value() + b.value());
    }

    @Test
    void windowAllAndWindowFunctionsEvaluateEveryWindowExactly() throws Exception {
        StreamEnvironment env = WindowJobs.environment(2);
        DataStream<Event> events = env.fromGenerator(N, EventTimeWindowsTest::event)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(100))
                        .withTimestampAssigner((e, ts) -> e.ts()));
        TumblingEventTimeWindows windows = TumblingEventTimeWindows.of(Duration.ofMillis(SIZE));
        Map<String, DataStream<String>> jobs = new TreeMap<>();
        jobs.put("all-aggregate-apply", events.windowAll(windows).aggregate(new EventTimeWindowsTest.CountAndSum(), new DescribeAll()));
        jobs.put("all-aggregate-process", events.windowAll(windows).aggregate(new EventTimeWindowsTest.CountAndSum(),
                new ProcessDescribeAll()));
        jobs.put("all-apply", events.windowAll(windows).apply(new CountAll()));
        jobs.put("all-reduce", events.map(e -> new Event("all", e.ts(), e.value()))
                .windowAll(windows).reduce(AllWindowsAndWindowFunctionsTest::sumEvents)
                .map(e -> "all sum=" + e.value()));
        jobs.put("all-reduce-apply", events.windowAll(windows).reduce(AllWindowsAndWindowFunctionsTest::sumEvents,
                (AllWindowFunction<Event, String, TimeWindow>) (w, values, out) -> {
                    for (Event e : values) {
                        out.collect(line("all", w.getStart(), w.getEnd(), -1, e.value()));
                    }
                }));
        jobs.put("keyed-apply", events.keyBy(Event::key).window(windows).apply(new CountPerKey()));
        jobs.put("keyed-aggregate-apply", events.keyBy(Event::key).window(windows).aggregate(new EventTimeWindowsTest.CountAndSum(),
                (String key, TimeWindow w, Iterable<long[]> values, Collector<String> out) -> {
                    for (long[] r : values) {
                        out.collect(line(key, w.getStart(), w.getEnd(), r[0], r[1]));
                    }
                }));
        jobs.put("keyed-reduce-apply", events.keyBy(Event::key).window(windows).reduce(AllWindowsAndWindowFunctionsTest::sumEvents,
                (String key, TimeWindow w, Iterable<Event> values, Collector<String> out) -> {
                    for (Event e : values) {
                        out.collect(line(key, w.getStart(), w.getEnd(), -1, e.value()));
                    }
                }));
        jobs.forEach((name, stream) -> stream.writeAsText(tmp.resolve(name).toUri().toString(), WriteMode.OVERWRITE));
        WindowJobs.run(env, "window functions");

        List<String> all = allReference(N, SIZE);
        List<String> keyed = EventTimeWindowsTest.reference(N, SIZE, SIZE);
        assertEquals(all, WindowJobs.lines(tmp.resolve("all-aggregate-apply")));
        assertEquals(all, WindowJobs.lines(tmp.resolve("all-aggregate-process")));
        assertEquals(all, WindowJobs.lines(tmp.resolve("all-apply")));
        assertEquals(WindowJobs.sorted(all.stream().map(l -> "all sum=" + l.substring(l.indexOf("sum=") + 4)).toList()),
                WindowJobs.lines(tmp.resolve("all-reduce")));
        assertEquals(WindowJobs.sorted(all.stream().map(AllWindowsAndWindowFunctionsTest::withoutCount).toList()),
                WindowJobs.lines(tmp.resolve("all-reduce-apply")));
        assertEquals(keyed, WindowJobs.lines(tmp.resolve("keyed-apply")));
        assertEquals(keyed, WindowJobs.lines(tmp.resolve("keyed-aggregate-apply")));
        assertEquals(WindowJobs.sorted(keyed.stream().map(AllWindowsAndWindowFunctionsTest::withoutCount).toList()),
                WindowJobs.lines(tmp.resolve("keyed-reduce-apply")));
    }

    private static String withoutCount(String line) {
        return line.replaceFirst("count=\\d+", "count=-1");
    }

    @Test
    void windowAllAllowsLatenessAndSendsLaterRecordsToTheSideOutput() throws Exception {
        List<Event> events = EventTimeWindowsTest.lateEvents().stream().map(e -> new Event("all", e.ts(), e.value())).toList();
        List<List<String>> expected = EventTimeWindowsTest.lateReference(events);
        assertFalse(expected.get(1).isEmpty(), "the test data has no records beyond the allowed lateness");
        StreamEnvironment env = WindowJobs.environment(2);
        OutputTag<Event> lateTag = new OutputTag<>("late", Event.class);
        SingleOutputStreamOperator<String> windows = env.fromCollection(events)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forGenerator(
                                ctx -> new WindowJobs.PunctuatedBoundedWatermarks(EventTimeWindowsTest.BOUND))
                        .withTimestampAssigner((e, ts) -> e.ts()))
                // one watermark generator sees every event in order: which records are late is decided by the data alone
                .setParallelism(1)
                .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(EventTimeWindowsTest.SIZE)))
                .allowedLateness(Duration.ofMillis(EventTimeWindowsTest.LATENESS))
                .sideOutputLateData(lateTag)
                .aggregate(new EventTimeWindowsTest.CountAndSum(), new ProcessDescribeAll());
        windows.writeAsText(tmp.resolve("results").toUri().toString(), WriteMode.OVERWRITE);
        windows.getSideOutput(lateTag).map(Event::toString).writeAsText(tmp.resolve("late").toUri().toString(), WriteMode.OVERWRITE);
        WindowJobs.run(env, "windowAll lateness");
        assertEquals(expected.get(0), WindowJobs.lines(tmp.resolve("results")));
        assertEquals(expected.get(1), WindowJobs.lines(tmp.resolve("late")));
    }

    @Test
    void countWindowAllFiresEveryNRecordsOfTheWholeStream() throws Exception {
        StreamEnvironment env = WindowJobs.environment(2);
        long n = 103;
        // one source partition keeps the records in order, so each count window's members are known
        DataStream<Long> numbers = env.fromSequence(0, n - 1).setParallelism(1);
        AllWindowFunction<Long, String, GlobalWindow> list = (w, values, out) -> {
            List<String> v = new ArrayList<>();
            values.forEach(x -> v.add(String.valueOf(x)));
            out.collect(String.join(",", v));
        };
        numbers.countWindowAll(10).apply(list).writeAsText(tmp.resolve("tumbling").toUri().toString(), WriteMode.OVERWRITE);
        numbers.countWindowAll(4, 3).apply(list).writeAsText(tmp.resolve("sliding").toUri().toString(), WriteMode.OVERWRITE);
        WindowJobs.run(env, "countWindowAll");
        List<String> tumbling = new ArrayList<>();
        List<String> sliding = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            seen.add(String.valueOf(i));
            if (seen.size() % 10 == 0) {
                tumbling.add(String.join(",", seen.subList(seen.size() - 10, seen.size())));
            }
            if (seen.size() % 3 == 0) {
                sliding.add(String.join(",", seen.subList(Math.max(0, seen.size() - 4), seen.size())));
            }
        }
        assertEquals(WindowJobs.sorted(tumbling), WindowJobs.lines(tmp.resolve("tumbling")));
        assertEquals(WindowJobs.sorted(sliding), WindowJobs.lines(tmp.resolve("sliding")));
    }

    @Test
    void windowAllRunsWithParallelismOneOnly() {
        StreamEnvironment env = WindowJobs.environment(2);
        SingleOutputStreamOperator<Long> sums = env.fromSequence(0, 9).countWindowAll(2).reduce(Long::sum);
        assertEquals(1, sums.getTransformation().getParallelism());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sums.setParallelism(2));
        assertEquals(true, e.getMessage().contains("parallelism 1"), e.getMessage());
    }
}
