package dev.spindle.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.SinkFunction;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobmaster.JobMaster;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The figures that need a job in a known state, on two TaskExecutors with a network exchange
 * between them: a bounded job's share of source input read (YARN's progress) while its sink holds
 * it back and after it ends, the buffers that fill under that back pressure, and the watermark lag
 * of operators behind a source whose out-of-orderness is known.
 */
@Timeout(120)
class ProgressWatermarkAndBufferMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long OUT_OF_ORDERNESS_MS = 400;
    /** Lets the blocking sink go on; replaced per test. */
    private static volatile CountDownLatch release = new CountDownLatch(0);
    private static MiniCluster cluster;
    private static HttpClient http;

    @BeforeAll
    static void startCluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        conf.setString("heartbeat.interval", "100 ms");
        cluster = new MiniCluster(conf).start();
        http = RestHttpClients.builder(cluster.getSecret(), URI.create(cluster.getRestUrl())).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        release.countDown();
        cluster.close();
    }

    /** Takes the first record, then waits for the test to let it go: everything upstream backs up. */
    static final class HeldSink implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Long value) throws Exception {
            release.await();
        }
    }

    /** Drops every record. */
    static final class Drop implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Long value) {
        }
    }

    /** A record stamped with the time it is made, a few per millisecond: event time runs with processing time. */
    static Long now(long i) throws InterruptedException {
        if (i % 4 == 0) {
            Thread.sleep(1);
        }
        return System.currentTimeMillis();
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(cluster.getRestUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + cluster.getSecret().toBase64()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    /** Polls the job's metrics JSON until {@code done} holds (bounded wait), returning the last one read. */
    private static JsonNode metricsUntil(String id, Predicate<JsonNode> done, String what) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode m = null;
        while (System.currentTimeMillis() < deadline) {
            m = JSON.readTree(get("/v1/jobs/" + id + "/metrics"));
            if (done.test(m)) {
                return m;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " within 30 s: " + m);
    }

    private static JsonNode operator(JsonNode vertex, String name) {
        for (JsonNode o : vertex.path("operators")) {
            if (o.get("name").asText().equals(name) || o.get("name").asText().endsWith(": " + name)) {
                return o;
            }
        }
        return null;
    }

    private static double sumOf(String text, String metric, String vertex) {
        Matcher m = Pattern.compile("^" + metric + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(text);
        double sum = 0;
        boolean any = false;
        while (m.find()) {
            if (m.group(1).contains("vertex=\"" + vertex)) {
                sum += Double.parseDouble(m.group(2));
                any = true;
            }
        }
        assertTrue(any, "no " + metric + " of " + vertex + " in\n" + text);
        return sum;
    }

    @Test
    void boundedJobsProgressGoesFromZeroToOneAndBuffersFillUnderBackPressure() throws Exception {
        release = new CountDownLatch(1);
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        long n = 2_000_000;
        env.fromSequence(1, n).name("numbers").rebalance().addSink(new HeldSink()).name("held");
        JobGraph job = dev.spindle.runtime.graph.PipelineTranslator.translate(env, "progress");
        assertEquals(0.0, cluster.getDispatcher().applicationProgress(), "no job runs yet");
        cluster.getDispatcher().submitJob(job).get(30, TimeUnit.SECONDS);
        try {
            heldThenReleased(job, n);
        } finally {
            release.countDown();
            cluster.getDispatcher().cancelJob(job.getJobId());
            awaitGone(job);
        }
    }

    private void heldThenReleased(JobGraph job, long n) throws Exception {
        String id = job.getJobId().toHexString();
        JobMaster jm = cluster.getDispatcher().runningJobMaster(job.getJobId());
        assertNotNull(jm);
        double atStart = jm.inputProgress();
        assertTrue(atStart >= 0 && atStart < 0.01, "a bounded job starts near 0: " + atStart);

        // the sinks hold: the sources read until their outputs are full, then wait
        JsonNode m = metricsUntil(id, j -> j.get("vertices").get(0).path("outputBuffers").path("used").asInt() > 0
                && j.get("vertices").get(0).path("backpressuredRatio").asDouble() > 0.5, "full output buffers at the sources");
        JsonNode sources = m.get("vertices").get(0);
        JsonNode out = sources.get("outputBuffers");
        assertTrue(out.get("used").asInt() <= out.get("capacity").asInt(), out.toString());
        assertTrue(out.get("usage").asDouble() > 0, out.toString());
        assertTrue(m.get("vertices").get(1).get("inputBuffers").get("used").asInt() > 0, "the sinks hold what their credits let in: " + m);
        String text = get("/metrics");
        assertTrue(sumOf(text, "spindle_task_buffers_out_used", "Source: numbers") > 0, text);
        assertTrue(sumOf(text, "spindle_task_buffers_out_usage", "Source: numbers") > 0, text);
        assertTrue(sumOf(text, "spindle_task_buffers_in_used", "held") > 0, text);
        assertTrue(!Pattern.compile("^spindle_task_buffers_in_used\\{[^}]*vertex=\"Source: numbers", Pattern.MULTILINE).matcher(text).find(),
                "a source has no input buffers to show");

        long deadline = System.currentTimeMillis() + 30_000;
        while (jm.inputProgress() <= 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        double held = jm.inputProgress();
        System.out.println("held: progress " + held + ", source output buffers " + out + ", sink input buffers " + m.get("vertices").get(1).get("inputBuffers"));
        assertTrue(held > 0 && held < 0.5, "some but far from all of " + n + " numbers were read while the sinks hold: " + held);
        assertEquals(held, cluster.getDispatcher().applicationProgress(), 1e-9, "the only running job makes the application's progress");

        release.countDown();
        double last = held;
        deadline = System.currentTimeMillis() + 60_000;
        while (jm.inputProgress() < 1 && System.currentTimeMillis() < deadline) {
            double p = jm.inputProgress();
            assertTrue(p >= last, "progress never goes back: " + last + " then " + p);
            last = p;
            Thread.sleep(20);
        }
        assertEquals(1.0, jm.inputProgress(), "all input read");
        cluster.getDispatcher().requestJobResult(job.getJobId()).get(60, TimeUnit.SECONDS);
        assertEquals(1.0, jm.inputProgress(), "a finished job read all its input");
    }

    @Test
    void watermarkLagIsAtLeastTheOutOfOrdernessAndAbsentWhereNoWatermarkArrives() throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.fromGenerator(ProgressWatermarkAndBufferMetricsTest::now).name("clock")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(OUT_OF_ORDERNESS_MS))
                        .withTimestampAssigner((v, ts) -> v)).name("stamp")
                .rebalance()
                .addSink(new Drop()).name("drop");
        JobGraph job = dev.spindle.runtime.graph.PipelineTranslator.translate(env, "event-time");
        cluster.getDispatcher().submitJob(job).get(30, TimeUnit.SECONDS);
        try {
            lagOf(job);
        } finally {
            cluster.getDispatcher().cancelJob(job.getJobId()).get(10, TimeUnit.SECONDS);
            awaitGone(job);
        }
    }

    /** Waits (bounded) until the job no longer runs, so the next test's application progress is its own. */
    private static void awaitGone(JobGraph job) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (cluster.getDispatcher().runningJobMaster(job.getJobId()) != null && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    private void lagOf(JobGraph job) throws Exception {
        String id = job.getJobId().toHexString();
        JsonNode m = metricsUntil(id, j -> {
            JsonNode drop = operator(j.get("vertices").get(1), "drop");
            return drop != null && "current".equals(drop.path("watermarkState").asText())
                    && "current".equals(operator(j.get("vertices").get(0), "stamp").path("watermarkState").asText());
        }, "watermarks at the assigner and the sinks");
        JsonNode chain = m.get("vertices").get(0);
        JsonNode stamp = operator(chain, "stamp");
        JsonNode drop = operator(m.get("vertices").get(1), "drop");
        // a bounded-out-of-orderness watermark trails the newest timestamp (never ahead of the clock) by the bound
        assertTrue(stamp.get("watermarkLagMs").asLong() >= OUT_OF_ORDERNESS_MS, stamp.toString());
        assertTrue(drop.get("watermarkLagMs").asLong() >= OUT_OF_ORDERNESS_MS, drop.toString());
        // and it follows processing time: a lag of minutes would mean the watermark does not advance
        assertTrue(stamp.get("watermarkLagMs").asLong() < 60_000, stamp.toString());
        assertTrue(drop.get("watermark").asLong() > System.currentTimeMillis() - 60_000, drop.toString());
        // the source itself emits no watermarks: nothing pretends it has one
        System.out.println("watermark lag: stamp " + stamp.get("watermarkLagMs") + " ms, drop " + drop.get("watermarkLagMs") + " ms");
        JsonNode clock = operator(chain, "clock");
        assertEquals("no watermark yet", clock.get("watermarkState").asText(), clock.toString());
        assertTrue(clock.get("watermarkLagMs").isNull(), clock.toString());

        String text = get("/metrics");
        Matcher lag = Pattern.compile("^spindle_operator_watermark_lag_ms\\{([^}]*operator=\"stamp\"[^}]*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(text);
        assertTrue(lag.find(), text);
        assertTrue(Double.parseDouble(lag.group(2)) >= OUT_OF_ORDERNESS_MS, lag.group());
        assertTrue(!Pattern.compile("^spindle_operator_watermark_lag_ms\\{[^}]*operator=\"Source: clock\"", Pattern.MULTILINE)
                .matcher(text).find(), "no lag series for an operator without a watermark");

        // an unbounded job's progress cannot be known, so the application shows 0
        JobMaster jm = cluster.getDispatcher().runningJobMaster(job.getJobId());
        assertTrue(jm.inputProgress() < 0, "unknown: " + jm.inputProgress());
        assertEquals(0.0, cluster.getDispatcher().applicationProgress());
    }
}
