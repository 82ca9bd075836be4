package dev.spindle.runtime.operators.windowing;

import static dev.spindle.runtime.operators.windowing.WindowJobs.Event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.WriteMode;
import dev.spindle.api.eventtime.WatermarkStrategy;
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
 * A source with two partitions, one of which never sends anything: without {@code withIdleness} the
 * window operator's watermark (the minimum over its inputs) stays at the idle partition's and no
 * window fires while the sources run; with it, the idle partition is left out and the windows the
 * busy partition's watermark passed fire while the sources still run. Both end with the reference output.
 */
@Timeout(120)
class IdleSourceTest {

    private static final int EVENTS = 150;
    private static final long SIZE = 100;
    /** Windows of [0, 1400) of three keys: below the busy partition's last watermark (1489). */
    private static final int EARLY_RESULTS = 14 * 3;

    static final AtomicBoolean RELEASED = new AtomicBoolean();
    static final AtomicBoolean SOURCES_ENDED = new AtomicBoolean();
    static final AtomicInteger RESULTS_WHILE_RUNNING = new AtomicInteger();

    @TempDir
    Path tmp;

    /** Partition 0 sends the events (paced over about 1.5 s), partition 1 nothing; both wait until released or 5 s passed. */
    static final class OnePartitionIdle extends AbstractRichFunction implements SourceFunction<Event> {
        private volatile boolean canceled;

        @Override
        public void run(SourceContext<Event> ctx) throws Exception {
            if (getRuntimeContext().getIndexOfThisSubtask() == 0) {
                for (int i = 0; i < EVENTS && !canceled; i++) {
                    synchronized (ctx.getCheckpointLock()) {
                        ctx.collect(new Event("k" + (i % 3), i * 10L, i));
                    }
                    Thread.sleep(10);
                }
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
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

    static List<String> reference() {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < EVENTS; i++) {
            long start = i * 10L / SIZE * SIZE;
            counts.merge("k" + (i % 3) + " [" + start + "," + (start + SIZE) + ")", 1, Integer::sum);
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((w, c) -> lines.add(w + " count=" + c));
        return WindowJobs.sorted(lines);
    }

    private List<String> run(boolean withIdleness) throws Exception {
        RELEASED.set(false);
        SOURCES_ENDED.set(false);
        RESULTS_WHILE_RUNNING.set(0);
        StreamEnvironment env = WindowJobs.environment(2);
        env.getConfig().setString("pipeline.auto-watermark-interval", "50 ms");
        WatermarkStrategy<Event> strategy = WatermarkStrategy.<Event>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.ts());
        if (withIdleness) {
            strategy = strategy.withIdleness(Duration.ofMillis(300));
        }
        Path out = tmp.resolve(withIdleness ? "idleness" : "no-idleness");
        var results = env.addSource(new OnePartitionIdle()).setParallelism(2)
                .assignTimestampsAndWatermarks(strategy)
                .keyBy(Event::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(SIZE)))
                .aggregate(new CountEvents<>(), new DescribeCount());
        results.addSink(new Watch()).setParallelism(1);
        results.writeAsText(out.toUri().toString(), WriteMode.OVERWRITE);
        WindowJobs.run(env, withIdleness ? "idleness" : "no idleness");
        return WindowJobs.lines(out);
    }

    @Test
    void anIdlePartitionHoldsBackEveryWindowWithoutIdleness() throws Exception {
        List<String> output = run(false);
        assertEquals(0, RESULTS_WHILE_RUNNING.get(), "windows fired although one partition never sent a watermark");
        assertEquals(reference(), output);
    }

    @Test
    void withIdlenessTheIdlePartitionNoLongerHoldsBackWindows() throws Exception {
        List<String> output = run(true);
        assertTrue(RELEASED.get(), "only " + RESULTS_WHILE_RUNNING.get() + " of " + EARLY_RESULTS
                + " window results arrived while the sources ran");
        assertEquals(reference(), output);
    }
}
