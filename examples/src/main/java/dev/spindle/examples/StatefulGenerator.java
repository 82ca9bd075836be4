package dev.spindle.examples;

import dev.spindle.api.DataStream;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.KeyedProcessFunction;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import dev.spindle.api.tuple.Tuple2;
import java.util.Set;

/**
 * Generates keyed events (sensor id, reading) forever, or {@code --count N} of them, and keeps a
 * running total per sensor in keyed value state; writes {@code sensor<TAB>events<TAB>total} lines to
 * {@code --output} or prints them.
 */
public final class StatefulGenerator {

    static final String USAGE = "Usage: StatefulGenerator [--count <events>] [--keys <sensors>] [--output <directory>] [--parallelism <n>]";

    private StatefulGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Args params = Args.parse(args, Set.of("count", "keys", "output", "parallelism"), USAGE);
        long count = params.getLong("count", -1, USAGE);
        long keys = params.getLong("keys", 100, USAGE);
        if (keys < 1) {
            throw Args.bad("--keys must be at least 1", USAGE);
        }
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        if (params.has("parallelism")) {
            env.setParallelism((int) params.getLong("parallelism", 1, USAGE));
        }
        DataStream<Tuple2<String, Long>> events = params.has("count")
                ? env.fromGenerator(count, i -> event(i, keys))
                : env.fromGenerator(i -> event(i, keys));
        DataStream<String> totals = events.name("Sensor events")
                .keyBy(e -> e.f0)
                .process(new RunningTotal()).name("Running total");
        if (params.has("output")) {
            totals.writeAsText(params.get("output"));
        } else {
            totals.print();
        }
        System.out.println(env.execute("StatefulGenerator"));
    }

    /** Event {@code i}: sensor {@code i mod keys} with a reading derived from {@code i}. */
    static Tuple2<String, Long> event(long i, long keys) {
        return Tuple2.of("sensor-" + (i % keys), (i * 31) % 100);
    }

    /** Per sensor: number of events and sum of readings so far. */
    static final class RunningTotal extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {

        private static final long serialVersionUID = 1L;

        private transient ValueState<Long> total;
        private transient ValueState<Long> events;

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            total = context.getState(new ValueStateDescriptor<>("total", 0L));
            events = context.getState(new ValueStateDescriptor<>("events", 0L));
        }

        @Override
        public void processElement(Tuple2<String, Long> event, Context ctx, Collector<String> out) {
            long n = events.value() + 1;
            long sum = total.value() + event.f1;
            events.update(n);
            total.update(sum);
            out.collect(ctx.getCurrentKey() + "\t" + n + "\t" + sum);
        }
    }
}
