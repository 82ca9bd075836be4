package dev.spindle.examples.bench;

import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.WriteMode;
import dev.spindle.api.eventtime.Watermark;
import dev.spindle.api.eventtime.WatermarkGenerator;
import dev.spindle.api.eventtime.WatermarkOutput;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.SinkFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.windowing.assigners.TumblingEventTimeWindows;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Benchmark (a program, not a test) of event-time windows on the local in-process MiniCluster.
 * Code path: generator source -> TimestampsAndWatermarksOperator (chained) -> hash exchange carrying
 * record timestamps and watermark buffers -> WindowOperator (incremental reduce; contents in heap
 * keyed state under (key, window); one event-time timer per key and window in InternalTimerService)
 * -> sink. (1) Throughput in events/s of tumbling 1 s windows over 10,000 keys (a sum per key and
 * window), at parallelism 1 and 2, medians of several runs, MiniCluster start included. (2) Latency
 * from the watermark passing a window's end (taken where the watermark is generated) to the
 * window's first and last result leaving the sink, with a paced source. Args: [events] [runs].
 */
public final class WindowThroughput {

    private static final int KEYS = 10_000;
    /** Event-time milliseconds per event: 10,000 events (one per key on average) per 1 s window. */
    private static final double MS_PER_EVENT = 1000.0 / KEYS;

    /** Window end (ms) -> System.nanoTime() when the watermark first reached it. */
    static final Map<Long, Long> WATERMARK_PASSED = new ConcurrentHashMap<>();
    static final Map<Long, Long> FIRST_RESULT = new ConcurrentHashMap<>();
    static final Map<Long, Long> LAST_RESULT = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("window-bench");
        for (int p : new int[] {1, 2}) {
            List<Double> rates = new ArrayList<>();
            for (int r = 0; r < runs + 1; r++) {
                double rate = throughputRun(events, p, dir);
                if (r > 0) { // the first run warms up the JIT
                    rates.add(rate);
                }
            }
            System.out.printf("tumbling 1 s event-time windows, %,d keys, %,d events, p=%d: median %,.0f events/s (runs %s)%n",
                    KEYS, events, p, median(rates), fmt(rates));
        }
        latency(dir);
    }

    static Tuple2<Long, Long> event(long i) {
        return Tuple2.of(i * 2654435761L % KEYS, (long) (i * MS_PER_EVENT));
    }

    private static double throughputRun(long events, int parallelism, Path dir) throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(parallelism);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.fromGenerator(events, WindowThroughput::event)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<Long, Long>>forBoundedOutOfOrderness(Duration.ofMillis(100))
                        .withTimestampAssigner((e, ts) -> e.f1))
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
                // the sink measures windows, not disk writes
                .filter(t -> t.f0 == 0)
                .writeAsText(dir.resolve("out").toUri().toString(), WriteMode.OVERWRITE);
        long start = System.nanoTime();
        env.execute("window throughput");
        return events / ((System.nanoTime() - start) / 1e9);
    }

    /** Emits a watermark per event and notes when it first passes each 1 s window end. */
    static final class TimingWatermarks implements WatermarkGenerator<Tuple2<Long, Long>>, Serializable {
        private long lastEnd = 0;

        @Override
        public void onEvent(Tuple2<Long, Long> event, long timestamp, WatermarkOutput output) {
            long watermark = timestamp - 1;
            long passedEnd = (watermark + 1) / 1000 * 1000;
            if (passedEnd > lastEnd) {
                lastEnd = passedEnd;
                // the watermark (end - 1 or more) now passes the window [end - 1000, end)
                WATERMARK_PASSED.putIfAbsent(passedEnd, System.nanoTime());
            }
            output.emitWatermark(new Watermark(watermark));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    static Tuple2<Long, Long> pacedEvent(long i) throws InterruptedException {
        if (i % 200 == 0) {
            Thread.sleep(1);
        }
        return Tuple2.of(i * 2654435761L % KEYS, (long) (i * MS_PER_EVENT));
    }

    /** Notes when each window's results leave the sink (the window end travels in f1 as the result's key). */
    static final class TimingSink implements SinkFunction<Tuple2<Long, Long>> {
        @Override
        public void invoke(Tuple2<Long, Long> result) {
            long now = System.nanoTime();
            FIRST_RESULT.putIfAbsent(result.f1, now);
            LAST_RESULT.merge(result.f1, now, Math::max);
        }
    }

    private static void latency(Path dir) throws Exception {
        long events = 40L * KEYS;
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.fromGenerator(events, WindowThroughput::pacedEvent).setParallelism(1)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<Long, Long>>forGenerator(ctx -> new TimingWatermarks())
                        .withTimestampAssigner((e, ts) -> e.f1))
                .setParallelism(1)
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .reduce((a, b) -> a, new EndOfWindow())
                .addSink(new TimingSink()).setParallelism(1);
        env.execute("window latency");
        List<Double> first = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        for (Map.Entry<Long, Long> w : WATERMARK_PASSED.entrySet()) {
            Long f = FIRST_RESULT.get(w.getKey());
            Long l = LAST_RESULT.get(w.getKey());
            if (f != null && l != null) {
                first.add((f - w.getValue()) / 1e6);
                last.add((l - w.getValue()) / 1e6);
            }
        }
        System.out.printf("latency from the watermark passing a window's end to its results leaving the sink "
                + "(p=2 windows, %d windows of %,d keys, paced source, buffer timeout default):%n", first.size(), KEYS);
        System.out.printf("  first result of a window: median %.1f ms, max %.1f ms%n", median(first), max(first));
        System.out.printf("  last result of a window:  median %.1f ms, max %.1f ms%n", median(last), max(last));
    }

    /** Replaces each key's reduced value by (key, window end), so the sink knows which window a result closes. */
    static final class EndOfWindow extends dev.spindle.api.functions.windowing.ProcessWindowFunction<Tuple2<Long, Long>,
            Tuple2<Long, Long>, Long, dev.spindle.api.windowing.windows.TimeWindow> {
        @Override
        public void process(Long key, Context context, Iterable<Tuple2<Long, Long>> elements, dev.spindle.api.functions.Collector<Tuple2<Long, Long>> out) {
            out.collect(Tuple2.of(key, context.window().getEnd()));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static String fmt(List<Double> values) {
        return values.stream().map(x -> String.format("%,.0f", x)).toList().toString();
    }
}
