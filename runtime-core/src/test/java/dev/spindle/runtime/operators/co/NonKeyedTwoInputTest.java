package dev.spindle.runtime.operators.co;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.OutputTag;
import dev.spindle.api.RestartStrategies;
import dev.spindle.api.SingleOutputStreamOperator;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.SourceFunction;
import dev.spindle.api.functions.co.BroadcastProcessFunction;
import dev.spindle.api.functions.co.CoProcessFunction;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.graph.PipelineTranslator;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The non-keyed two-input functions on the MiniCluster (three TaskExecutors, parallelism 3): a
 * {@link BroadcastProcessFunction} whose every subtask reads the broadcast rules, and a
 * {@link CoProcessFunction} with record timestamps and a side output; outputs compared with
 * references computed here. Timers on non-keyed connected streams fail the job with a clear message.
 */
@Timeout(120)
class NonKeyedTwoInputTest {

    static final MapStateDescriptor<String, Long> FACTORS = new MapStateDescriptor<>("factors", String.class, Long.class);
    static final int PARALLELISM = 3;
    static final AtomicLong BROADCASTS_SEEN = new AtomicLong();

    /** Emits its values only once every subtask of the broadcast operator has the factor: the outputs are then fixed. */
    static final class AfterTheFactor implements SourceFunction<Long> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            long deadline = System.currentTimeMillis() + 60_000;
            while (running && BROADCASTS_SEEN.get() < PARALLELISM && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            for (long v = 0; v < 1000 && running; v++) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(v);
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }

        @Override
        public boolean isBounded() {
            return true;
        }
    }

    static final class Scale extends BroadcastProcessFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            Long factor = ctx.getBroadcastState(FACTORS).get("factor");
            out.collect(value + "x" + factor + "=" + value * factor);
        }

        @Override
        public void processBroadcastElement(Long factor, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(FACTORS).put("factor", factor);
            BROADCASTS_SEEN.incrementAndGet();
        }
    }

    @Test
    void everySubtaskOfABroadcastProcessFunctionReadsTheBroadcastState() throws Exception {
        BROADCASTS_SEEN.set(0);
        StreamEnvironment env = ConnectedStreamsTest.environment();
        env.addSource(new AfterTheFactor()).setParallelism(1).rebalance()
                .connect(env.fromElements(7L).broadcast(FACTORS))
                .process(new Scale()).setParallelism(PARALLELISM)
                .addSink(new ConnectedStreamsTest.Collect("scaled"));
        ConnectedStreamsTest.run(env, "broadcast process");
        List<String> expected = new ArrayList<>();
        for (long v = 0; v < 1000; v++) {
            expected.add(v + "x7=" + v * 7);
        }
        expected.sort(null);
        assertEquals(PARALLELISM, BROADCASTS_SEEN.get(), "each subtask gets the broadcast record once");
        assertEquals(expected, ConnectedStreamsTest.sorted("scaled"));
    }

    static final OutputTag<String> WORDS = new OutputTag<>("words", String.class);

    static final class StampAndRoute extends CoProcessFunction<Long, String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement1(Long value, Context ctx, Collector<String> out) {
            out.collect(value + "@" + ctx.timestamp());
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {
            ctx.output(WORDS, value + "@" + ctx.timestamp());
        }
    }

    @Test
    void aCoProcessFunctionSeesTimestampsAndEmitsSideOutputs() throws Exception {
        StreamEnvironment env = ConnectedStreamsTest.environment();
        SingleOutputStreamOperator<String> main = env.fromSequence(0, 1999)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, t) -> v * 3))
                .connect(env.fromGenerator(500, i -> "w" + i))
                .process(new StampAndRoute()).setParallelism(PARALLELISM);
        main.addSink(new ConnectedStreamsTest.Collect("stamped"));
        main.getSideOutput(WORDS).addSink(new ConnectedStreamsTest.Collect("words")).setParallelism(1);
        ConnectedStreamsTest.run(env, "co-process");
        List<String> stamped = new ArrayList<>();
        for (long v = 0; v < 2000; v++) {
            stamped.add(v + "@" + v * 3);
        }
        List<String> words = new ArrayList<>();
        for (long i = 0; i < 500; i++) {
            words.add("w" + i + "@null");
        }
        stamped.sort(null);
        words.sort(null);
        assertEquals(stamped, ConnectedStreamsTest.sorted("stamped"));
        assertEquals(words, ConnectedStreamsTest.sorted("words"));
    }

    static final class TimerOnPlainStreams extends CoProcessFunction<Long, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement1(Long value, Context ctx, Collector<Long> out) {
            ctx.timerService().registerEventTimeTimer(value);
        }

        @Override
        public void processElement2(Long value, Context ctx, Collector<Long> out) {
        }
    }

    @Test
    void timersOnNonKeyedConnectedStreamsFailTheJobWithAClearMessage() throws Exception {
        StreamEnvironment env = ConnectedStreamsTest.environment();
        env.setRestartStrategy(RestartStrategies.noRestart());
        env.fromSequence(0, 10).connect(env.fromSequence(0, 10)).process(new TimerOnPlainStreams())
                .addSink(v -> { });
        JobGraph job = PipelineTranslator.translate(env, "timer without keys");
        try (MiniCluster cluster = new MiniCluster(ConnectedStreamsTest.cluster()).start()) {
            cluster.getDispatcher().submitJob(job).get();
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> new DispatcherJobClient(cluster.getDispatcher(), job.getJobId()).getJobExecutionResult().get(60, TimeUnit.SECONDS));
            StringBuilder messages = new StringBuilder();
            for (Throwable c = failed; c != null; c = c.getCause()) {
                messages.append(c).append(" / ");
            }
            assertTrue(messages.toString().contains("Timers are only available on keyed connected streams"), messages.toString());
        }
    }
}
