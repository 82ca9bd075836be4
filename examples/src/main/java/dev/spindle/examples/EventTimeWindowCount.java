package dev.spindle.examples;

import dev.spindle.api.OutputTag;
import dev.spindle.api.SingleOutputStreamOperator;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.AggregateFunction;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.windowing.ProcessWindowFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.windowing.assigners.TumblingEventTimeWindows;
import dev.spindle.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Set;

/**
 * Counts clicks per user in tumbling 10 s event-time windows. The generated clicks arrive out of
 * order (up to 3 s) and some very late (up to 40 s): watermarks trail the newest click by 3 s,
 * windows accept late clicks for 5 s more (each one updates the window's count), and clicks later
 * still go to a side output. Writes {@code user<TAB>windowStart<TAB>windowEnd<TAB>clicks} to
 * {@code --output/counts} and the late clicks to {@code --output/late}, or prints both.
 */
public final class EventTimeWindowCount {

    static final String USAGE = "Usage: EventTimeWindowCount [--count <clicks>] [--users <n>] [--output <directory>] [--parallelism <n>]";

    /** Clicks that came after their window's end plus the allowed lateness. */
    static final OutputTag<Tuple2<String, Long>> LATE = new OutputTag<Tuple2<String, Long>>("late-clicks") { };

    private EventTimeWindowCount() {
    }

    public static void main(String[] args) throws Exception {
        Args params = Args.parse(args, Set.of("count", "users", "output", "parallelism"), USAGE);
        long count = params.getLong("count", 100_000, USAGE);
        long users = params.getLong("users", 20, USAGE);
        if (users < 1) {
            throw Args.bad("--users must be at least 1", USAGE);
        }
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        if (params.has("parallelism")) {
            env.setParallelism((int) params.getLong("parallelism", 1, USAGE));
        }
        SingleOutputStreamOperator<String> counts = env.fromGenerator(count, i -> click(i, users)).name("Clicks")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(Duration.ofSeconds(3))
                        .withTimestampAssigner((click, previous) -> click.f1))
                .keyBy(click -> click.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .allowedLateness(Duration.ofSeconds(5))
                .sideOutputLateData(LATE)
                .aggregate(new CountClicks(), new WithWindow()).name("Clicks per user and window");
        if (params.has("output")) {
            counts.writeAsText(params.get("output") + "/counts");
            counts.getSideOutput(LATE).map(c -> c.f0 + "\t" + c.f1).writeAsText(params.get("output") + "/late");
        } else {
            counts.print();
            counts.getSideOutput(LATE).map(c -> "late: " + c.f0 + "\t" + c.f1).print();
        }
        System.out.println(env.execute("EventTimeWindowCount"));
    }

    /** Click {@code i}: a user and an event time of about 10 ms per click, mostly up to 3 s early or late, every 500th 20-40 s late. */
    static Tuple2<String, Long> click(long i, long users) {
        long time = i * 10 - (i * 7919 % 31) * 100;
        if (i % 500 == 499) {
            time -= 20_000 + (i % 3) * 10_000;
        }
        return Tuple2.of("user-" + (i * 31 % users), Math.max(0, time));
    }

    /** Counts a window's clicks. */
    static final class CountClicks implements AggregateFunction<Tuple2<String, Long>, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple2<String, Long> click, Long count) {
            return count + 1;
        }

        @Override
        public Long getResult(Long count) {
            return count;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Adds the user and the window's bounds to its count. */
    static final class WithWindow extends ProcessWindowFunction<Long, String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String user, Context context, Iterable<Long> counts, Collector<String> out) {
            for (Long c : counts) {
                out.collect(user + "\t" + context.window().getStart() + "\t" + context.window().getEnd() + "\t" + c);
            }
        }
    }
}
