package dev.spindle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.functions.SourceFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.configuration.Configuration;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.api.execution.PipelineExecutor;
import dev.spindle.runtime.graph.PipelineTranslator;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.streamtask.harness.CollectSink;
import dev.spindle.runtime.streamtask.harness.LocalJobRunner;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JobLifecycleTest {

    @AfterEach
    void uninstall() {
        ExecutionContext.uninstall();
    }

    private static StreamEnvironment env(int parallelism) {
        StreamEnvironment env = new StreamEnvironment(new LocalJobRunner(), new Configuration(), null);
        env.setParallelism(parallelism);
        return env;
    }

    static final class UserFailure extends RuntimeException {
        UserFailure(String message) {
            super(message);
        }
    }

    @Test
    void aFailingUserFunctionFailsTheJobWithItsExceptionAsRootCause() {
        StreamEnvironment env = env(2);
        env.fromSequence(0, 1000).map((MapFunction<Long, Long>) x -> {
            if (x == 500) {
                throw new UserFailure("bad record " + x);
            }
            return x;
        }).addSink(new CollectSink<>());
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("failing"));
        assertInstanceOf(UserFailure.class, e.getCause());
        assertEquals("bad record 500", e.getCause().getMessage());
        assertEquals(JobStatus.FAILED, e.getFinalStatus());
    }

    @Test
    void cancelStopsARunningUnboundedJobPromptly() throws Exception {
        StreamEnvironment env = env(2);
        CollectSink<Long> sink = new CollectSink<>();
        env.fromGenerator(i -> i).map(x -> x + 1).rebalance().addSink(sink);
        JobClient client = env.executeAsync("unbounded");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (sink.size() < 1000 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(sink.size() >= 1000, "records flow before the cancel");
        client.cancel().get(5, TimeUnit.SECONDS);
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.getJobExecutionResult().get(10, TimeUnit.SECONDS));
        assertEquals(JobStatus.CANCELED, ((JobExecutionException) e.getCause()).getFinalStatus());
    }

    @Test
    void accumulatorsAndRuntimeContextReachTheResult() throws Exception {
        StreamEnvironment env = env(3);
        env.fromSequence(1, 300).map(new CountingMap()).addSink(new CollectSink<>());
        JobExecutionResult result = env.execute("accumulators");
        assertEquals(300L, (Long) result.getAccumulatorResult("seen"));
        assertEquals(3L, (Long) result.getAccumulatorResult("opened"));
    }

    static final class CountingMap extends AbstractRichFunction implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            assertEquals(3, context.getNumberOfParallelSubtasks());
            assertEquals(0, context.getAttemptNumber());
            context.getLongCounter("opened").add(1L);
        }

        @Override
        public Long map(Long value) {
            getRuntimeContext().getLongCounter("seen").add(1L);
            return value;
        }
    }

    /** Emits a few records, then idles until canceled: only the buffer timeout can deliver them. */
    static final class TrickleSource implements SourceFunction<String> {
        private static final long serialVersionUID = 1L;
        private volatile boolean canceled;

        @Override
        public void run(SourceContext<String> ctx) throws InterruptedException {
            for (int i = 0; i < 5; i++) {
                ctx.collect("event-" + i);
            }
            while (!canceled) {
                Thread.sleep(10);
            }
        }

        @Override
        public void cancel() {
            canceled = true;
        }
    }

    @Test
    void bufferTimeoutDeliversRecordsOfASlowStream() throws Exception {
        StreamEnvironment env = env(2);
        env.setBufferTimeout(Duration.ofMillis(50));
        CollectSink<String> sink = new CollectSink<>();
        env.addSource(new TrickleSource()).rebalance().map(s -> s.toUpperCase()).addSink(sink);
        JobClient client = env.executeAsync("trickle");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.size() < 5 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(5, sink.size(), "records sent within the buffer timeout while the source is still running");
        client.cancel();
        assertThrows(ExecutionException.class, () -> client.getJobExecutionResult().get(10, TimeUnit.SECONDS));
    }

    @Test
    void socketTextStreamReadsLinesUntilThePeerCloses() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread writer = new Thread(() -> {
                try (Socket s = server.accept();
                     BufferedWriter w = new BufferedWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8))) {
                    w.write("to be or\nnot to be\n");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            writer.start();
            StreamEnvironment env = env(2);
            CollectSink<Tuple2<String, Long>> sink = new CollectSink<>();
            env.socketTextStream("localhost", server.getLocalPort())
                    .flatMap((String line, dev.spindle.api.functions.Collector<Tuple2<String, Long>> out) -> {
                        for (String w : line.split(" ")) {
                            out.collect(Tuple2.of(w, 1L));
                        }
                    })
                    .keyBy(t -> t.f0).sum(1).addSink(sink);
            env.execute("socket");
            writer.join();
            // An unbounded source: STREAMING, rolling updates; the last update per key is the count.
            java.util.Map<String, Long> counts = new java.util.HashMap<>();
            sink.values().forEach(t -> counts.merge(t.f0, t.f1, Math::max));
            assertEquals(java.util.Map.of("to", 2L, "be", 2L, "or", 1L, "not", 1L), counts);
        }
    }

    @Test
    void socketTextStreamThatCannotConnectSaysWhereAndHow() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StreamEnvironment env = env(1);
        env.socketTextStream("localhost", port).print();
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("no server"));
        String message = e.getCause().getMessage();
        assertTrue(message.contains("localhost:" + port) && message.contains("nc -lk"), message);
    }

    @Test
    void getEnvironmentBindsToTheInstalledContext() throws Exception {
        AtomicReference<JobGraph> submitted = new AtomicReference<>();
        AtomicReference<Configuration> submittedConf = new AtomicReference<>();
        CountDownLatch called = new CountDownLatch(1);
        PipelineExecutor capture = (pipeline, conf, cl) -> {
            JobGraph graph = PipelineTranslator.translate(pipeline, conf);
            submitted.set(graph);
            submittedConf.set(conf);
            called.countDown();
            return new LocalJobRunner().submit(graph, conf, cl);
        };
        Configuration context = new Configuration();
        context.setString("user.setting", "x");
        ExecutionContext.install(new ExecutionContext(capture, context, null));
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setRestartStrategy(RestartStrategies.fixedDelay(3, Duration.ofMillis(100)));
        env.fromElements("a", "b").print();
        env.execute("captured");
        assertTrue(called.await(1, TimeUnit.SECONDS));
        Configuration jobConf = submitted.get().getJobConfiguration();
        assertEquals("x", jobConf.getString("user.setting"));
        assertEquals("fixed-delay", jobConf.getString("restart-strategy.type"));
        assertEquals("3", jobConf.getString("restart-strategy.fixed-delay.attempts"));
        assertEquals("100ms", jobConf.getString("restart-strategy.fixed-delay.delay"));
        assertEquals("fixed-delay", submittedConf.get().getString("restart-strategy.type"));
    }

    @Test
    void restartStrategiesWriteTheirKeysAndReplaceEachOther() {
        Configuration conf = new Configuration();
        RestartStrategies.failureRate(2, Duration.ofMinutes(1), Duration.ofSeconds(2)).applyTo(conf);
        assertEquals("failure-rate", conf.getString("restart-strategy.type"));
        assertEquals("2", conf.getString("restart-strategy.failure-rate.max-failures-per-interval"));
        assertEquals("60000ms", conf.getString("restart-strategy.failure-rate.failure-rate-interval"));
        assertEquals("2000ms", conf.getString("restart-strategy.failure-rate.delay"));
        RestartStrategies.noRestart().applyTo(conf);
        assertEquals(java.util.Map.of("restart-strategy.type", "none"), conf.toMap());
    }

    @Test
    void withoutAContextTheLocalEnvironmentUsesTheMiniClusterExecutor() {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        assertEquals(1, env.getParallelism());
        assertInstanceOf(dev.spindle.runtime.minicluster.MiniClusterExecutor.class, env.executor());
    }
}
