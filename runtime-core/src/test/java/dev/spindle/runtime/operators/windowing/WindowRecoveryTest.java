package dev.spindle.runtime.operators.windowing;

import static dev.spindle.runtime.operators.windowing.WindowJobs.Event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.OutputTag;
import dev.spindle.api.SingleOutputStreamOperator;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.windowing.assigners.TumblingEventTimeWindows;
import dev.spindle.runtime.checkpoint.CheckpointStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpointed event-time window job with late data fails once mid-run (a task throws after a
 * checkpoint completed) and recovers from the latest checkpoint: window contents, timers, the
 * watermark generator and the operators' watermarks come back, so the committed output, results
 * and late side output, is exactly the failure-free reference.
 */
@Timeout(150)
class WindowRecoveryTest {

    private static final long N = 6000;
    private static final long BOUND = 40;
    private static final long SIZE = 200;
    private static final long LATENESS = 300;
    static final AtomicBoolean THROWN = new AtomicBoolean();

    @TempDir
    Path tmp;

    /** Mostly ordered; every 20th event is late by 400..700 ms, some within the lateness, some beyond. */
    static Event event(long i) {
        String key = "k" + (i % 3);
        if (i % 20 == 13) {
            return new Event(key, i * 25 - 400 - (i % 3) * 150, i);
        }
        return new Event(key, i * 25, i);
    }

    /** Paced (about 3 s per attempt) so that several checkpoints complete before the failure. */
    static Event paced(long i) throws InterruptedException {
        if (i % 4 == 0) {
            Thread.sleep(2);
        }
        return event(i);
    }

    static final class FailOnce extends AbstractRichFunction implements MapFunction<String, String> {
        private final String checkpoints;

        FailOnce(String checkpoints) {
            this.checkpoints = checkpoints;
        }

        @Override
        public String map(String s) throws IOException {
            if (getRuntimeContext().getAttemptNumber() == 0 && s.contains("[100000,") && hasCompletedCheckpoint(Path.of(checkpoints))
                    && THROWN.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            return s;
        }
    }

    static boolean hasCompletedCheckpoint(Path checkpoints) throws IOException {
        if (!Files.exists(checkpoints)) {
            return false;
        }
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> all = Files.walk(checkpoints)) {
                return all.anyMatch(p -> p.getFileName().toString().equals(CheckpointStorage.METADATA_FILE));
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    /** Event time played through in plain Java: the window results of every firing, and the late records. */
    static List<List<String>> reference() {
        List<String> results = new ArrayList<>();
        List<String> late = new ArrayList<>();
        Map<String, long[]> open = new HashMap<>();
        TreeSet<String> fired = new TreeSet<>();
        long watermark = Long.MIN_VALUE;
        long max = Long.MIN_VALUE / 2;
        for (long i = 0; i < N; i++) {
            Event e = event(i);
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
                    results.add(EventTimeWindowsTest.line(e.key(), start, start + SIZE, r[0], r[1]));
                }
            }
            max = Math.max(max, e.ts());
            if (max - BOUND - 1 > watermark) {
                watermark = max - BOUND - 1;
                fire(open, fired, watermark, results);
            }
        }
        fire(open, fired, Long.MAX_VALUE, results);
        return List.of(WindowJobs.sorted(results), WindowJobs.sorted(late));
    }

    private static void fire(Map<String, long[]> open, TreeSet<String> fired, long watermark, List<String> results) {
        for (var it = open.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            String[] parts = entry.getKey().split("\\|");
            long start = Long.parseLong(parts[1]);
            if (start + SIZE - 1 <= watermark && fired.add(entry.getKey())) {
                results.add(EventTimeWindowsTest.line(parts[0], start, start + SIZE, entry.getValue()[0], entry.getValue()[1]));
            }
            if (watermark == Long.MAX_VALUE || start + SIZE - 1 + LATENESS <= watermark) {
                it.remove();
            }
        }
    }

    @Test
    void aFailureMidRunRecoversWindowsTimersAndWatermarksWithExactOutput() throws Exception {
        THROWN.set(false);
        List<List<String>> expected = reference();
        assertFalse(expected.get(1).isEmpty());
        Path out = tmp.resolve("out");
        Path lateOut = tmp.resolve("late");
        Path checkpoints = tmp.resolve("checkpoints");
        StreamEnvironment env = WindowJobs.environment(2);
        env.enableCheckpointing(200);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.getConfig().setString("restart-strategy.fixed-delay.delay", "100 ms");
        OutputTag<Event> lateTag = new OutputTag<>("late", Event.class);
        SingleOutputStreamOperator<String> windows = env.fromGenerator(N, WindowRecoveryTest::paced).setParallelism(1).uid("events")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forGenerator(ctx -> new WindowJobs.PunctuatedBoundedWatermarks(BOUND))
                        .withTimestampAssigner((e, ts) -> e.ts()))
                .setParallelism(1).uid("watermarks")
                .keyBy(Event::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .allowedLateness(Duration.ofMillis(LATENESS))
                .sideOutputLateData(lateTag)
                .aggregate(new EventTimeWindowsTest.CountAndSum(), new EventTimeWindowsTest.Describe()).uid("windows");
        windows.map(new FailOnce(checkpoints.toString())).uid("fail-once").writeAsText(out.toUri().toString()).uid("out");
        windows.getSideOutput(lateTag).map(Event::toString).uid("late-text").writeAsText(lateOut.toUri().toString()).uid("late-out");
        WindowJobs.run(env, "windows with recovery");
        assertTrue(THROWN.get(), "the injected failure did not happen");
        assertEquals(expected.get(0), WindowJobs.lines(out));
        assertEquals(expected.get(1), WindowJobs.lines(lateOut));
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
    }
}
