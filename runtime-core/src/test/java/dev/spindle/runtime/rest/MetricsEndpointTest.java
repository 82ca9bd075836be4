package dev.spindle.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.SinkFunction;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Per-operator, per-task and per-process figures, carried on heartbeats from two TaskExecutors
 * to the job master, read as JSON and scraped in the Prometheus format.
 */
@Timeout(90)
class MetricsEndpointTest {

    private static final long N = 3000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MiniCluster cluster;
    private static HttpClient http;

    @BeforeAll
    static void startCluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        conf.setString("heartbeat.interval", "100 ms");
        cluster = new MiniCluster(conf).start();
        http = RestHttpClients.builder(cluster.getSecret(), URI.create(cluster.getRestUrl())).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    /** Emits 0..N-1, then holds (the job keeps RUNNING with stable counters) until the cluster goes. */
    static Long numbers(long i) throws InterruptedException {
        if (i >= N) {
            Thread.sleep(Long.MAX_VALUE);
        }
        return i;
    }

    /** Drops every record. */
    static final class Drop implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Long value) {
        }
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(cluster.getRestUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + cluster.getSecret().toBase64()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    private static JsonNode operator(JsonNode vertex, String name) {
        for (JsonNode o : vertex.get("operators")) {
            // sources and sinks are named "Source: x", "Sink: x", as in Flink
            if (o.get("name").asText().equals(name) || o.get("name").asText().endsWith(": " + name)) {
                return o;
            }
        }
        throw new AssertionError("no operator " + name + " in " + vertex);
    }

    @Test
    void aRestartIsCountedAndItsRootCauseKeptAndTheJobsConfigurationShown() throws Exception {
        Configuration jobConf = new Configuration();
        jobConf.setString("restart-strategy.type", "fixed-delay");
        jobConf.setString("restart-strategy.fixed-delay.attempts", "2");
        jobConf.setString("restart-strategy.fixed-delay.delay", "50 ms");
        jobConf.setString("my.service.password", "hunter2");
        JobGraph job = dev.spindle.runtime.minicluster.TestJobs.sourceToSink("restarting", 1, 1,
                dev.spindle.runtime.jobgraph.ShipStrategy.FORWARD, "n=100,fail=first", "", jobConf);
        cluster.getDispatcher().submitJob(job).get(30, TimeUnit.SECONDS);
        cluster.getDispatcher().requestJobResult(job.getJobId()).get(30, TimeUnit.SECONDS);
        JsonNode details = JSON.readTree(get("/v1/jobs/" + job.getJobId()));
        assertEquals("FINISHED", details.get("status").asText(), details.toString());
        assertEquals(1, details.get("restarts").asInt(), details.toString());
        assertEquals(1, details.get("exceptions").size(), details.toString());
        JsonNode failure = details.get("exceptions").get(0);
        assertTrue(failure.get("rootCause").asText().contains("boom in attempt 0"), failure.toString());
        assertTrue(failure.get("stackTrace").asText().contains("IllegalStateException"), failure.toString());
        // where it happened: the failing subtask attempt and its TaskExecutor
        assertEquals("source (1/1) attempt 0", failure.get("task").asText(), failure.toString());
        String location = failure.get("location").asText();
        assertTrue(cluster.getTaskExecutors().stream().anyMatch(te -> location.startsWith(te.getResourceId().toString())), location);
        assertEquals(1, details.get("edges").size());
        assertEquals("FORWARD", details.get("edges").get(0).get("shipStrategy").asText());

        JsonNode config = JSON.readTree(get("/v1/jobs/" + job.getJobId() + "/config")).get("configuration");
        assertEquals("fixed-delay", config.get("restart-strategy.type").asText(), config.toString());
        assertEquals("******", config.get("my.service.password").asText(), "credentials are masked");
    }

    @Test
    void operatorTaskAndProcessFiguresReachJsonAndPrometheus() throws Exception {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(1);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.fromGenerator(MetricsEndpointTest::numbers).name("numbers")
                .map(i -> i * 2).name("double")
                .filter(i -> i % 3 == 0).name("thirds")
                .rebalance()
                .addSink(new Drop()).name("drop").setParallelism(2);
        JobGraph job = dev.spindle.runtime.graph.PipelineTranslator.translate(env, "metered");
        cluster.getDispatcher().submitJob(job).get(30, TimeUnit.SECONDS);
        String id = job.getJobId().toHexString();

        long expectedOut = N / 3;
        JsonNode metrics = null;
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            metrics = JSON.readTree(get("/v1/jobs/" + id + "/metrics"));
            JsonNode vertices = metrics.get("vertices");
            if (vertices.size() == 2 && vertices.get(1).get("recordsIn").asLong() == expectedOut
                    && vertices.get(0).get("operators").size() == 3 && operator(vertices.get(0), "thirds").get("recordsOut").asLong() == expectedOut
                    && operator(vertices.get(1), "drop").get("recordsIn").asLong() == expectedOut) {
                break;
            }
            Thread.sleep(100);
        }
        JsonNode chain = metrics.get("vertices").get(0);
        JsonNode sink = metrics.get("vertices").get(1);
        assertEquals(N, operator(chain, "numbers").get("recordsOut").asLong(), chain.toString());
        assertEquals(N, operator(chain, "double").get("recordsIn").asLong(), chain.toString());
        assertEquals(N, operator(chain, "double").get("recordsOut").asLong(), chain.toString());
        assertEquals(N, operator(chain, "thirds").get("recordsIn").asLong(), chain.toString());
        assertEquals(expectedOut, operator(chain, "thirds").get("recordsOut").asLong(), chain.toString());
        assertEquals(expectedOut, chain.get("recordsOut").asLong());
        assertEquals(expectedOut, sink.get("recordsIn").asLong(), sink.toString());
        assertEquals(2, sink.get("subtasks").size());
        assertTrue(chain.get("bytesOut").asLong() > 0 && sink.get("bytesIn").asLong() == chain.get("bytesOut").asLong(),
                "what the chain sent is what the sinks received: " + metrics);
        for (JsonNode v : metrics.get("vertices")) {
            double shares = v.get("busyRatio").asDouble() + v.get("idleRatio").asDouble() + v.get("backpressuredRatio").asDouble();
            assertEquals(1.0, shares, 1e-6, v.toString());
        }
        // the sinks have nothing more to read: they wait for input nearly all the time
        assertTrue(sink.get("idleRatio").asDouble() > 0.5, sink.toString());
        // the times behind those shares add up since each attempt started
        for (JsonNode subtask : sink.get("subtasks")) {
            long busy = subtask.get("busyTimeMs").asLong();
            long idle = subtask.get("idleTimeMs").asLong();
            long backpressured = subtask.get("backpressuredTimeMs").asLong();
            assertTrue(idle > 0 && busy >= 0 && backpressured >= 0, subtask.toString());
            assertTrue(idle > busy, "a sink that drops records mostly waits: " + subtask);
        }

        String text = get("/metrics");
        Matcher m = Pattern.compile("^spindle_operator_records_out_total\\{([^}]*operator=\"thirds\"[^}]*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(text);
        assertTrue(m.find(), text);
        assertTrue(m.group(1).contains("job_id=\"" + id + "\""), m.group(1));
        assertEquals(expectedOut, (long) Double.parseDouble(m.group(2)));
        double sinkIn = 0;
        Matcher drops = Pattern.compile("^spindle_operator_records_in_total\\{[^}]*operator=\"[^\"]*drop\"[^}]*\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(text);
        while (drops.find()) {
            sinkIn += Double.parseDouble(drops.group(1));
        }
        assertEquals(expectedOut, (long) sinkIn, text);
        assertTrue(Pattern.compile("^spindle_taskexecutor_heap_used_bytes\\{.*\\} [1-9]", Pattern.MULTILINE).matcher(text).find(), text);
        assertTrue(text.contains("jvm_memory_used_bytes{"), "the AM's own JVM");
        assertTrue(text.contains("spindle_task_backpressured_ratio{"), text);
        assertTrue(Pattern.compile("^spindle_task_idle_time_ms_total\\{[^}]*vertex=\"drop\"[^}]*\\} [1-9]", Pattern.MULTILINE).matcher(text).find(),
                text);
        assertTrue(text.contains("spindle_task_busy_time_ms_total{") && text.contains("spindle_task_backpressured_time_ms_total{"), text);

        cluster.getDispatcher().cancelJob(job.getJobId()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theApplicationMastersJvmIsShown() throws Exception {
        JsonNode jvm = JSON.readTree(get("/v1/jobmanager")).get("jvm");
        assertTrue(jvm.get("heapUsedBytes").asLong() > 0 && jvm.get("heapUsedBytes").asLong() <= jvm.get("heapCommittedBytes").asLong(), jvm.toString());
        assertTrue(jvm.get("heapMaxBytes").asLong() >= jvm.get("heapCommittedBytes").asLong(), jvm.toString());
        assertTrue(jvm.get("gcCount").asLong() >= 0 && jvm.get("threads").asInt() > 1 && jvm.get("uptimeMillis").asLong() > 0, jvm.toString());
    }

    private static final java.util.concurrent.atomic.AtomicBoolean THREW = new java.util.concurrent.atomic.AtomicBoolean();

    /** Throws once, at the 500th record of the subtask that sees it (TaskExecutors share this JVM, so once in all). */
    static Long throwOnce(Long i) {
        if (i == 500 && !THREW.getAndSet(true)) {
            throw new IllegalStateException("thrown in the middle vertex", new java.io.IOException("the disk is gone"));
        }
        return i;
    }

    @Test
    void theExceptionHistoryNamesTheTaskThatThrewNotTheConsumersThatSawItsFailure() throws Exception {
        THREW.set(false);
        Configuration jobConf = new Configuration();
        jobConf.setString("restart-strategy.type", "fixed-delay");
        jobConf.setString("restart-strategy.fixed-delay.attempts", "1");
        jobConf.setString("restart-strategy.fixed-delay.delay", "50 ms");
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.configure(jobConf);
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.fromSequence(0, 1999).name("numbers").setParallelism(1)
                .rebalance()
                .map(MetricsEndpointTest::throwOnce).name("thrower")
                .rebalance()
                .addSink(new Drop()).name("drop");
        JobGraph job = dev.spindle.runtime.graph.PipelineTranslator.translate(env, "thrower");
        cluster.getDispatcher().submitJob(job).get(30, TimeUnit.SECONDS);
        cluster.getDispatcher().requestJobResult(job.getJobId()).get(60, TimeUnit.SECONDS);
        JsonNode details = JSON.readTree(get("/v1/jobs/" + job.getJobId()));
        assertEquals("FINISHED", details.get("status").asText(), details.toString());
        assertEquals(1, details.get("restarts").asInt(), details.toString());
        JsonNode failure = details.get("exceptions").get(0);
        // whichever report reached the job master first (the thrower's own, or a consumer's that saw its producer fail)
        assertTrue(failure.get("task").asText().matches("thrower \\([12]/2\\) attempt 0"), failure.toString());
        assertEquals("java.io.IOException: the disk is gone", failure.get("rootCause").asText(), failure.toString());
    }
}
