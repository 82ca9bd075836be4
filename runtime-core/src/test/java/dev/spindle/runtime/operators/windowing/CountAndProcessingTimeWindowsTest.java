package dev.spindle.runtime.operators.windowing;

import static dev.spindle.runtime.operators.windowing.WindowJobs.Event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.WriteMode;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.windowing.ProcessWindowFunction;
import dev.spindle.api.windowing.assigners.TumblingProcessingTimeWindows;
import dev.spindle.api.windowing.windows.GlobalWindow;
import dev.spindle.api.windowing.windows.TimeWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Count windows (tumbling through a purging count trigger, sliding through a count evictor) and
 * processing-time windows on the distributed runtime, compared with references computed here.
 */
@Timeout(120)
class CountAndProcessingTimeWindowsTest {

    private static final int KEYS = 3;
    private static final long N = 300;

    @TempDir
    Path tmp;

    static Event event(long i) {
        return new Event("k" + (i % KEYS), i, i);
    }

    /** "key: v1,v2,..." of a count window's values in arrival order. */
    static final class ListValues extends ProcessWindowFunction<Event, String, String, GlobalWindow> {
        @Override
        public void process(String key, Context context, Iterable<Event> elements, Collector<String> out) {
            List<String> values = new ArrayList<>();
            for (Event e : elements) {
                values.add(String.valueOf(e.value()));
            }
            out.collect(key + ": " + String.join(",", values));
        }
    }

    private List<String> run(String name, java.util.function.Function<dev.spindle.api.KeyedStream<Event, String>,
            dev.spindle.api.DataStream<String>> windows) throws Exception {
        StreamEnvironment env = WindowJobs.environment(2);
        Path out = tmp.resolve(name);
        // one source partition keeps each key's records in order, so count windows are deterministic
        windows.apply(env.fromGenerator(N, CountAndProcessingTimeWindowsTest::event).setParallelism(1).keyBy(Event::key))
                .writeAsText(out.toUri().toString(), WriteMode.OVERWRITE);
        WindowJobs.run(env, name);
        return WindowJobs.lines(out);
    }

    @Test
    void countWindowsFireEveryNRecordsOfAKey() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            List<String> values = new ArrayList<>();
            for (long i = k; i < N; i += KEYS) {
                values.add(String.valueOf(i));
                if (values.size() == 7) {
                    expected.add("k" + k + ": " + String.join(",", values));
                    values.clear();
                }
            }
        }
        assertEquals(WindowJobs.sorted(expected), run("count", s -> s.countWindow(7).process(new ListValues())));
    }

    @Test
    void slidingCountWindowsEvaluateTheLastSizeRecordsEverySlideRecords() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            List<String> seen = new ArrayList<>();
            for (long i = k; i < N; i += KEYS) {
                seen.add(String.valueOf(i));
                if (seen.size() % 3 == 0) {
                    expected.add("k" + k + ": " + String.join(",", seen.subList(Math.max(0, seen.size() - 5), seen.size())));
                }
            }
        }
        assertEquals(WindowJobs.sorted(expected), run("sliding-count", s -> s.countWindow(5, 3).process(new ListValues())));
    }

    @Test
    void countWindowsReduce() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            long sum = 0;
            int n = 0;
            for (long i = k; i < N; i += KEYS) {
                sum += i;
                if (++n == 10) {
                    expected.add("k" + k + "@" + i + "=" + sum);
                    sum = 0;
                    n = 0;
                }
            }
        }
        assertEquals(WindowJobs.sorted(expected), run("count-reduce",
                s -> s.countWindow(10).reduce((a, b) -> new Event(a.key(), b.ts(), a.value() + b.value())).map(Event::toString)));
    }

    /** Slow enough that processing-time windows of 100 ms close while records still come. */
    static Event slow(long i) throws InterruptedException {
        Thread.sleep(2);
        return new Event("k" + (i % KEYS), 0, 1);
    }

    static final class CountPerWindow extends ProcessWindowFunction<Event, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Event> elements, Collector<String> out) {
            long n = 0;
            for (Event ignored : elements) {
                n++;
            }
            out.collect(key + " " + n + " " + (context.window().getEnd() - context.window().getStart()));
        }
    }

    @Test
    void processingTimeWindowsCountEveryRecordOnceWhileTheJobRuns() throws Exception {
        StreamEnvironment env = WindowJobs.environment(2);
        Path out = tmp.resolve("processing-time");
        long n = 600;
        env.fromGenerator(n, CountAndProcessingTimeWindowsTest::slow).setParallelism(1)
                .keyBy(Event::key)
                .window(TumblingProcessingTimeWindows.of(Duration.ofMillis(100)))
                .process(new CountPerWindow())
                .writeAsText(out.toUri().toString(), WriteMode.OVERWRITE);
        WindowJobs.run(env, "processing time");
        // Each record takes at least 2 ms, so the run spans at least 12 windows of 100 ms and a window holds at most
        // 50 records; the windows still open when the bounded input ended are fired then.
        long total = 0;
        List<String> lines = WindowJobs.lines(out);
        for (String line : lines) {
            String[] f = line.split(" ");
            assertEquals("100", f[2]);
            total += Long.parseLong(f[1]);
        }
        long windows = lines.size();
        org.junit.jupiter.api.Assertions.assertTrue(windows >= KEYS * 10L, "only " + windows + " processing-time windows fired");
        assertEquals(n, total, "records counted in processing-time windows");
    }

    @Test
    void processingTimeWindowsStillOpenWhenTheInputEndsFireThen() throws Exception {
        StreamEnvironment env = WindowJobs.environment(2);
        Path out = tmp.resolve("end-of-input");
        // hour-long windows: none closes while the job runs, every result comes from the end of input
        env.fromGenerator(N, CountAndProcessingTimeWindowsTest::event)
                .keyBy(Event::key)
                .window(TumblingProcessingTimeWindows.of(Duration.ofHours(1)))
                .process(new CountPerWindow())
                .writeAsText(out.toUri().toString(), WriteMode.OVERWRITE);
        env.fromGenerator(N, CountAndProcessingTimeWindowsTest::event)
                .windowAll(TumblingProcessingTimeWindows.of(Duration.ofHours(1)))
                .apply((TimeWindow w, Iterable<Event> values, dev.spindle.api.functions.Collector<String> c) -> {
                    long count = 0;
                    for (Event ignored : values) {
                        count++;
                    }
                    c.collect("all " + count + " " + (w.getEnd() - w.getStart()));
                })
                .writeAsText(tmp.resolve("end-of-input-all").toUri().toString(), WriteMode.OVERWRITE);
        WindowJobs.run(env, "processing time, end of input");
        java.util.Map<String, Long> perKey = new java.util.TreeMap<>();
        for (String line : WindowJobs.lines(out)) {
            String[] f = line.split(" ");
            assertEquals("3600000", f[2]);
            perKey.merge(f[0], Long.parseLong(f[1]), Long::sum); // two windows of a key if the run crossed an hour
        }
        assertEquals(java.util.Map.of("k0", N / KEYS, "k1", N / KEYS, "k2", N / KEYS), perKey);
        long all = 0;
        for (String line : WindowJobs.lines(tmp.resolve("end-of-input-all"))) {
            all += Long.parseLong(line.split(" ")[1]);
        }
        assertEquals(N, all);
    }
}
