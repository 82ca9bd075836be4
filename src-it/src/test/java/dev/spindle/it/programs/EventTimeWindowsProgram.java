package dev.spindle.it.programs;

import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.AggregateFunction;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.windowing.ProcessWindowFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.windowing.assigners.TumblingEventTimeWindows;
import dev.spindle.api.windowing.windows.TimeWindow;
import java.time.Duration;

/**
 * An event-time windowed job checkpointing every second: {@code <checkpointsDir> <output> <records>}.
 * Record {@code i} has key {@code i % KEYS}, value {@code i} and event time {@link #timestampOf}
 * (up to 49 ms out of order); tumbling windows of {@link #WINDOW_MILLIS} count and sum each key's
 * values and write "key start end count sum" per window through the exactly-once text sink.
 */
public final class EventTimeWindowsProgram {

    public static final int KEYS = 4;
    public static final long WINDOW_MILLIS = 1000;

    private EventTimeWindowsProgram() {
    }

    /** The event time of record {@code i}: about {@code i} ms, a little out of order. */
    public static long timestampOf(long i) {
        return i - (i * 7919) % 50;
    }

    /** Slow enough (about 1 ms per 5 records a subtask) that a TaskExecutor can be killed mid-run. */
    static Tuple2<Long, Long> paced(long i) throws InterruptedException {
        if (i % 5 == 0) {
            Thread.sleep(1);
        }
        return Tuple2.of(i % KEYS, i);
    }

    /** (count, sum) of a window's values. */
    static final class CountAndSum implements AggregateFunction<Tuple2<Long, Long>, long[], long[]> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Tuple2<Long, Long> value, long[] acc) {
            return new long[] {acc[0] + 1, acc[1] + value.f1};
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

    static final class Describe extends ProcessWindowFunction<long[], String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context context, Iterable<long[]> elements, Collector<String> out) {
            for (long[] r : elements) {
                out.collect(key + " " + context.window().getStart() + " " + context.window().getEnd() + " " + r[0] + " " + r[1]);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.enableCheckpointing(1000);
        env.getCheckpointConfig().setCheckpointStorage(args[0]);
        long records = Long.parseLong(args[2]);
        env.fromGenerator(records, EventTimeWindowsProgram::paced).uid("records")
                // the bound exceeds the disorder: no record is late, so the windows do not depend on when watermarks come
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<Long, Long>>forBoundedOutOfOrderness(Duration.ofMillis(200))
                        .withTimestampAssigner((t, ts) -> timestampOf(t.f1))).uid("timestamps")
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(WINDOW_MILLIS)))
                .aggregate(new CountAndSum(), new Describe()).uid("windows")
                .writeAsText(args[1]).uid("out");
        env.execute("event-time windows");
    }
}
