package dev.spindle.examples;

import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.DataStream;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.windowing.ProcessWindowFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.windowing.assigners.EventTimeSessionWindows;
import dev.spindle.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Set;

/**
 * Groups each user's page views into sessions: views less than {@code --gap} seconds (default 30)
 * apart in event time belong to one session. The generated views come in bursts with pauses and
 * slightly out of order. Writes {@code user<TAB>sessionStart<TAB>sessionEnd<TAB>views} to
 * {@code --output} or prints it.
 */
public final class SessionWindows {

    static final String USAGE = "Usage: SessionWindows [--count <views>] [--users <n>] [--gap <seconds>] [--output <directory>] [--parallelism <n>]";

    private SessionWindows() {
    }

    public static void main(String[] args) throws Exception {
        Args params = Args.parse(args, Set.of("count", "users", "gap", "output", "parallelism"), USAGE);
        long count = params.getLong("count", 50_000, USAGE);
        long users = params.getLong("users", 10, USAGE);
        long gap = params.getLong("gap", 30, USAGE);
        if (users < 1 || gap < 1) {
            throw Args.bad("--users and --gap must be at least 1", USAGE);
        }
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        if (params.has("parallelism")) {
            env.setParallelism((int) params.getLong("parallelism", 1, USAGE));
        }
        DataStream<String> sessions = env.fromGenerator(count, i -> view(i, users)).name("Page views")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(Duration.ofSeconds(5))
                        .withTimestampAssigner((view, previous) -> view.f1))
                .keyBy(view -> view.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(gap)))
                .process(new DescribeSession()).name("Sessions");
        if (params.has("output")) {
            sessions.writeAsText(params.get("output"));
        } else {
            sessions.print();
        }
        System.out.println(env.execute("SessionWindows"));
    }

    /** View {@code i}: per user, bursts of 50 views 2 s apart, then a pause of 2 minutes; up to 3 s out of order. */
    static Tuple2<String, Long> view(long i, long users) {
        long user = i % users;
        long n = i / users;
        long burst = n / 50;
        long time = burst * (100_000 + 120_000) + (n % 50) * 2_000 - (i * 7919 % 4) * 1_000 + user * 1_000;
        return Tuple2.of("user-" + user, Math.max(0, time));
    }

    /** One line per session: its user, bounds and number of views. */
    static final class DescribeSession extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String user, Context context, Iterable<Tuple2<String, Long>> views, Collector<String> out) {
            long n = 0;
            for (Tuple2<String, Long> ignored : views) {
                n++;
            }
            out.collect(user + "\t" + context.window().getStart() + "\t" + context.window().getEnd() + "\t" + n);
        }
    }
}
