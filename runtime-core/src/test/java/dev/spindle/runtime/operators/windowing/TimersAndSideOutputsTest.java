package dev.spindle.runtime.operators.windowing;

import static dev.spindle.runtime.operators.windowing.WindowJobs.Event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.spindle.api.OutputTag;
import dev.spindle.api.SingleOutputStreamOperator;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.WriteMode;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.KeyedProcessFunction;
import dev.spindle.api.functions.ProcessFunction;
import dev.spindle.api.functions.TimeDomain;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyed timers and side outputs on the distributed runtime: event-time timers per key are set once
 * per key and time however often they are registered, deleted ones never fire, processing-time
 * timers fire by the clock, record timestamps survive the exchange, and side outputs of a
 * ProcessFunction and a KeyedProcessFunction hold exactly the records sent there.
 */
@Timeout(120)
class TimersAndSideOutputsTest {

    private static final long N = 1500;
    private static final int KEYS = 4;
    private static final long BUCKET = 100;

    @TempDir
    Path tmp;

    /** Paced (about 1.5 s in all) so processing-time timers come due while the job runs. */
    static Event event(long i) throws InterruptedException {
        if (i % 2 == 0) {
            Thread.sleep(2);
        }
        return new Event("k" + (i % KEYS), i * 7 - (i * 13) % 5 * 10, i);
    }

    static long bucketEnd(long ts) {
        return Math.floorDiv(ts, BUCKET) * BUCKET + BUCKET;
    }

    /** Sets a timer at the end of each event's bucket (many times per bucket), and one it deletes again at once. */
    static final class BucketTimers extends KeyedProcessFunction<String, Event, String> {
        static final OutputTag<String> PROCESSING = new OutputTag<>("processing-time", String.class);
        private transient ValueState<Boolean> processingTimerSet;

        @Override
        public void open(dev.spindle.api.functions.RuntimeContext context) throws Exception {
            super.open(context);
            processingTimerSet = context.getState(new ValueStateDescriptor<>("processing-timer-set"));
        }

        @Override
        public void processElement(Event e, Context ctx, Collector<String> out) {
            if (ctx.timestamp() == null || ctx.timestamp() != e.ts()) {
                out.collect("timestamp lost: " + e + " arrived with " + ctx.timestamp());
            }
            ctx.timerService().registerEventTimeTimer(bucketEnd(e.ts()));
            ctx.timerService().registerEventTimeTimer(bucketEnd(e.ts()) + 1);
            ctx.timerService().deleteEventTimeTimer(bucketEnd(e.ts()) + 1);
            if (processingTimerSet.value() == null) {
                processingTimerSet.update(true);
                ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 20);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
                ctx.output(PROCESSING, ctx.getCurrentKey());
            } else {
                out.collect(ctx.getCurrentKey() + "@" + timestamp + " ts=" + ctx.timestamp());
            }
        }
    }

    /** Passes events on and sends those with a value divisible by 10 to a side output too. */
    static final class Tens extends ProcessFunction<Event, Event> {
        static final OutputTag<String> TENS = new OutputTag<String>("tens") { };

        @Override
        public void processElement(Event e, Context ctx, Collector<Event> out) {
            if (e.value() % 10 == 0) {
                ctx.output(TENS, e + " at " + ctx.timestamp());
            }
            out.collect(e);
        }
    }

    @Test
    void timersFireOncePerKeyAndTimeAndSideOutputsHoldExactlyTheirRecords() throws Exception {
        StreamEnvironment env = WindowJobs.environment(2);
        Path timersOut = tmp.resolve("timers");
        Path tensOut = tmp.resolve("tens");
        Path processingOut = tmp.resolve("processing");
        SingleOutputStreamOperator<Event> events = env.fromGenerator(N, TimersAndSideOutputsTest::event)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(50))
                        .withTimestampAssigner((e, ts) -> e.ts()))
                .process(new Tens());
        events.getSideOutput(Tens.TENS).writeAsText(tensOut.toUri().toString(), WriteMode.OVERWRITE);
        SingleOutputStreamOperator<String> fired = events.keyBy(Event::key).process(new BucketTimers());
        fired.writeAsText(timersOut.toUri().toString(), WriteMode.OVERWRITE);
        fired.getSideOutput(BucketTimers.PROCESSING).writeAsText(processingOut.toUri().toString(), WriteMode.OVERWRITE);
        WindowJobs.run(env, "timers");

        TreeSet<String> timers = new TreeSet<>();
        List<String> tens = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>();
        for (long i = 0; i < N; i++) {
            long ts = i * 7 - (i * 13) % 5 * 10;
            Event e = new Event("k" + (i % KEYS), ts, i);
            long end = bucketEnd(ts);
            timers.add(e.key() + "@" + end + " ts=" + end);
            if (i % 10 == 0) {
                tens.add(e + " at " + ts);
            }
            keys.add(e.key());
        }
        assertEquals(WindowJobs.sorted(new ArrayList<>(timers)), WindowJobs.lines(timersOut));
        assertEquals(WindowJobs.sorted(tens), WindowJobs.lines(tensOut));
        assertEquals(new ArrayList<>(keys), WindowJobs.lines(processingOut));
    }
}
