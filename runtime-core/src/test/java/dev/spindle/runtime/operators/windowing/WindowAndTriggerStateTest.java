package dev.spindle.runtime.operators.windowing;

import static dev.spindle.runtime.operators.windowing.WindowJobs.Event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spindle.api.OutputTag;
import dev.spindle.api.SingleOutputStreamOperator;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.WriteMode;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.AggregateFunction;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.windowing.ProcessWindowFunction;
import dev.spindle.api.state.AggregatingState;
import dev.spindle.api.state.AggregatingStateDescriptor;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import dev.spindle.api.windowing.assigners.EventTimeSessionWindows;
import dev.spindle.api.windowing.assigners.TumblingEventTimeWindows;
import dev.spindle.api.windowing.triggers.CountTrigger;
import dev.spindle.api.windowing.triggers.Trigger;
import dev.spindle.api.windowing.triggers.TriggerResult;
import dev.spindle.api.windowing.windows.TimeWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-window and per-key state of a process window function (windowState, globalState, clear) and
 * trigger state that merges with session windows, on the distributed runtime (two TaskExecutors,
 * keyed exchange), compared with references computed here.
 */
@Timeout(180)
class WindowAndTriggerStateTest {

    @TempDir
    Path tmp;

    private static final OutputTag<String> CLEARED = new OutputTag<>("cleared", String.class);

    /** Numbers each window's firings in per-window state and each key's firings in per-key state; reports on clear. */
    static final class NumberFirings extends ProcessWindowFunction<Event, String, String, TimeWindow> {
        private final ValueStateDescriptor<Integer> firings = new ValueStateDescriptor<>("firings", Integer.class);
        private final ValueStateDescriptor<String> name = new ValueStateDescriptor<>("name", String.class);
        private final ValueStateDescriptor<Integer> keyFirings = new ValueStateDescriptor<>("key-firings", Integer.class);

        @Override
        public void process(String key, Context context, Iterable<Event> elements, Collector<String> out) throws Exception {
            ValueState<Integer> windowFirings = context.windowState().getState(firings);
            int n = (windowFirings.value() == null ? 0 : windowFirings.value()) + 1;
            windowFirings.update(n);
            String window = key + " [" + context.window().getStart() + "," + context.window().getEnd() + ")";
            context.windowState().getState(name).update(window);
            ValueState<Integer> perKey = context.globalState().getState(keyFirings);
            int m = (perKey.value() == null ? 0 : perKey.value()) + 1;
            perKey.update(m);
            // the runtime context's keyed state is the per-key state too
            Integer same = getRuntimeContext().getState(keyFirings).value();
            long count = 0;
            for (Event ignored : elements) {
                count++;
            }
            out.collect(window + " firing=" + n + " count=" + count + "|" + key + " " + m + " " + same);
        }

        @Override
        public void clear(Context context) throws Exception {
            context.output(CLEARED, context.windowState().getState(name).value() + " firings="
                    + context.windowState().getState(firings).value());
        }
    }

    @Test
    void windowStateCountsEachWindowsFiringsGlobalStateEachKeysAndClearSeesTheWindowsState() throws Exception {
        List<Event> events = EventTimeWindowsTest.lateEvents();
        // the reference's firings: "key [start,end) count=c sum=s", a window's later firings with higher counts
        Map<String, List<Long>> firingCounts = new TreeMap<>();
        for (String line : EventTimeWindowsTest.lateReference(events).get(0)) {
            String window = line.substring(0, line.indexOf(')') + 1);
            long count = Long.parseLong(line.replaceAll(".*count=(\\d+).*", "$1"));
            firingCounts.computeIfAbsent(window, w -> new ArrayList<>()).add(count);
        }
        List<String> expected = new ArrayList<>();
        List<String> expectedCleared = new ArrayList<>();
        Map<String, Integer> firingsPerKey = new TreeMap<>();
        firingCounts.forEach((window, counts) -> {
            counts.sort(null);
            for (int i = 0; i < counts.size(); i++) {
                expected.add(window + " firing=" + (i + 1) + " count=" + counts.get(i));
            }
            expectedCleared.add(window + " firings=" + counts.size());
            firingsPerKey.merge(window.substring(0, window.indexOf(' ')), counts.size(), Integer::sum);
        });

        StreamEnvironment env = WindowJobs.environment(2);
        SingleOutputStreamOperator<String> windows = env.fromCollection(events)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forGenerator(
                                ctx -> new WindowJobs.PunctuatedBoundedWatermarks(EventTimeWindowsTest.BOUND))
                        .withTimestampAssigner((e, ts) -> e.ts()))
                .setParallelism(1)
                .keyBy(Event::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(EventTimeWindowsTest.SIZE)))
                .allowedLateness(Duration.ofMillis(EventTimeWindowsTest.LATENESS))
                .process(new NumberFirings());
        windows.writeAsText(tmp.resolve("out").toUri().toString(), WriteMode.OVERWRITE);
        windows.getSideOutput(CLEARED).writeAsText(tmp.resolve("cleared").toUri().toString(), WriteMode.OVERWRITE);
        WindowJobs.run(env, "window state");

        List<String> lines = WindowJobs.lines(tmp.resolve("out"));
        List<String> perWindow = new ArrayList<>();
        Map<String, List<Integer>> keyNumbers = new HashMap<>();
        for (String line : lines) {
            String[] parts = line.split("\\|");
            perWindow.add(parts[0]);
            String[] k = parts[1].split(" ");
            assertEquals(k[1], k[2], "globalState and the runtime context's state differ: " + line);
            keyNumbers.computeIfAbsent(k[0], x -> new ArrayList<>()).add(Integer.parseInt(k[1]));
        }
        assertEquals(WindowJobs.sorted(expected), WindowJobs.sorted(perWindow));
        firingsPerKey.forEach((key, total) -> {
            List<Integer> numbers = keyNumbers.get(key);
            numbers.sort(null);
            List<Integer> oneToTotal = new ArrayList<>();
            for (int i = 1; i <= total; i++) {
                oneToTotal.add(i);
            }
            assertEquals(oneToTotal, numbers, "the firings of key " + key + " as numbered in globalState");
        });
        assertEquals(WindowJobs.sorted(expectedCleared), WindowJobs.lines(tmp.resolve("cleared")));
    }

    // ---- trigger state on merging windows ------------------------------------------------------

    /** Counts a window's records in aggregating trigger state and fires at {@code max}; merges with the windows. */
    static final class AggregatingCountTrigger extends Trigger<Object, TimeWindow> {
        private final long max;
        private final AggregatingStateDescriptor<Object, Long, Long> count =
                new AggregatingStateDescriptor<>("records", new CountRecords(), Long.class);

        AggregatingCountTrigger(long max) {
            this.max = max;
        }

        @Override
        public TriggerResult onElement(Object element, long timestamp, TimeWindow window, TriggerContext ctx) {
            AggregatingState<Object, Long> state = ctx.getPartitionedState(count);
            state.add(element);
            return state.get() >= max ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public boolean canMerge() {
            return true;
        }

        @Override
        public void onMerge(TimeWindow window, OnMergeContext ctx) {
            ctx.mergePartitionedState(count);
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {
            ctx.getPartitionedState(count).clear();
        }
    }

    static final class CountRecords implements AggregateFunction<Object, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Object value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** "key [start,end) ts1,ts2,..." with the timestamps sorted. */
    static final class ListSession extends ProcessWindowFunction<Event, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Event> elements, Collector<String> out) {
            List<Long> ts = new ArrayList<>();
            elements.forEach(e -> ts.add(e.ts()));
            ts.sort(null);
            out.collect(key + " [" + context.window().getStart() + "," + context.window().getEnd() + ") "
                    + String.join(",", ts.stream().map(String::valueOf).toList()));
        }
    }

    @Test
    void countTriggersOnSessionWindowsCountAcrossMerges() throws Exception {
        // gap 200: every third record of a key closes a gap between sessions that each held fewer than three
        List<Event> events = List.of(
                new Event("a", 0, 1), new Event("b", 0, 1), new Event("a", 300, 1), new Event("b", 500, 1),
                new Event("a", 150, 1), new Event("b", 1000, 1), new Event("a", 1000, 1), new Event("b", 250, 1),
                new Event("a", 1100, 1), new Event("b", 300, 1), new Event("a", 1250, 1), new Event("c", 0, 1),
                new Event("c", 5000, 1));
        List<String> expected = WindowJobs.sorted(List.of("a [0,500) 0,150,300", "a [1000,1450) 1000,1100,1250",
                "b [250,700) 250,300,500"));
        StreamEnvironment env = WindowJobs.environment(2);
        var keyed = env.fromCollection(events)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>noWatermarks().withTimestampAssigner((e, ts) -> e.ts()))
                .setParallelism(1)
                .keyBy(Event::key);
        keyed.window(EventTimeSessionWindows.withGap(Duration.ofMillis(200))).trigger(CountTrigger.of(3))
                .process(new ListSession()).writeAsText(tmp.resolve("count").toUri().toString(), WriteMode.OVERWRITE);
        keyed.window(EventTimeSessionWindows.withGap(Duration.ofMillis(200))).trigger(new AggregatingCountTrigger(3))
                .process(new ListSession()).writeAsText(tmp.resolve("custom").toUri().toString(), WriteMode.OVERWRITE);
        WindowJobs.run(env, "session count trigger");
        assertEquals(expected, WindowJobs.lines(tmp.resolve("count")));
        assertEquals(expected, WindowJobs.lines(tmp.resolve("custom")));
    }

    /** Uses per-window state, which session windows do not offer. */
    static final class WindowStateOnSessions extends ProcessWindowFunction<Event, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Event> elements, Collector<String> out) throws Exception {
            context.windowState().getState(new ValueStateDescriptor<>("per-session", Long.class)).update(1L);
            out.collect(key);
        }
    }

    @Test
    void perWindowStateOnSessionWindowsFailsTheJobSayingWhy() throws Exception {
        StreamEnvironment env = WindowJobs.environment(2);
        env.setRestartStrategy(dev.spindle.api.RestartStrategies.noRestart());
        env.fromCollection(List.of(new Event("a", 0, 1), new Event("b", 10, 1)))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.ts()))
                .keyBy(Event::key)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(100)))
                .process(new WindowStateOnSessions())
                .writeAsText(tmp.resolve("refused").toUri().toString(), WriteMode.OVERWRITE);
        Exception failed = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> WindowJobs.run(env, "window state on sessions"));
        StringBuilder messages = new StringBuilder();
        for (Throwable c = failed; c != null && messages.length() < 100_000; c = c.getCause()) {
            messages.append(c).append(" / ");
        }
        org.junit.jupiter.api.Assertions.assertTrue(messages.toString().contains("Per-window state is not supported with merging windows"),
                messages.toString());
    }
}
