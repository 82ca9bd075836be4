package dev.spindle.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.api.ExternalizedCheckpointCleanup;
import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** POST /v1/jobs/{id}/savepoints and /stop, and the retained checkpoint a cancel reports, on a MiniCluster. */
@Timeout(120)
class RestSavepointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpClient HTTP;
    private static MiniCluster cluster;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startCluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 1);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        cluster = new MiniCluster(conf).start();
        // REST is HTTPS pinned to the cluster's certificate.
        HTTP = RestHttpClients.builder(cluster.getSecret(), URI.create(cluster.getRestUrl())).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    static Long slow(long i) throws InterruptedException {
        Thread.sleep(1);
        return i;
    }

    private JobGraph countingJob(String name, ExternalizedCheckpointCleanup cleanup) {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(1);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.enableCheckpointing(200);
        env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("checkpoints").toUri().toString());
        env.getCheckpointConfig().setExternalizedCheckpointCleanup(cleanup);
        env.fromGenerator(10_000_000L, RestSavepointTest::slow).uid("numbers")
                .map(i -> Tuple2.of(i % 3, 1L)).uid("pairs")
                .keyBy(t -> t.f0).sum(1).uid("counts")
                .writeAsText(tmp.resolve("out-" + name).toUri().toString()).uid("out");
        return dev.spindle.runtime.graph.PipelineTranslator.translate(env, name);
    }

    private JobGraph runningWithACheckpoint(String name, ExternalizedCheckpointCleanup cleanup) throws Exception {
        JobGraph job = countingJob(name, cleanup);
        cluster.getDispatcher().submitJob(job).get(30, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode stats = json(call("GET", "/v1/jobs/" + job.getJobId() + "/checkpoints", null, true));
            if (stats.path("completed").asLong() >= 1) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + name + " completed no checkpoint within 30 s");
    }

    private static HttpResponse<String> call(String method, String path, String body, boolean withSecret) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cluster.getRestUrl() + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (withSecret) {
            b.header("Authorization", "Bearer " + cluster.getSecret().toBase64());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void theLatestCheckpointsAcknowledgementsNameTheirSubtasks() throws Exception {
        JobGraph job = runningWithACheckpoint("acknowledged", ExternalizedCheckpointCleanup.DELETE_ON_CANCELLATION);
        JsonNode latest = json(call("GET", "/v1/jobs/" + job.getJobId() + "/checkpoints", null, true)).get("latestCompleted");
        JsonNode acks = latest.get("acknowledgements");
        java.util.Set<String> names = new java.util.TreeSet<>();
        long previous = -1;
        for (JsonNode a : acks) {
            names.add(a.get("subtaskName").asText());
            assertEquals(0, a.get("attempt").asInt(), a.toString());
            assertTrue(a.get("afterMs").asLong() >= previous, "in the order they came: " + acks);
            previous = a.get("afterMs").asLong();
        }
        // every task of the job acknowledged, each named as the job page names it
        java.util.Set<String> expected = new java.util.TreeSet<>();
        for (dev.spindle.runtime.jobgraph.JobVertex v : job.getVertices()) {
            for (int i = 0; i < v.getParallelism(); i++) {
                expected.add(v.getName() + " (" + (i + 1) + "/" + v.getParallelism() + ")");
            }
        }
        assertEquals(expected, names, acks.toString());
        cluster.getDispatcher().cancelJob(job.getJobId()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSavepointIsTakenIntoTheNamedDirectoryAndNeedsADirectoryAndTheSecret() throws Exception {
        JobGraph job = runningWithACheckpoint("savepointed", ExternalizedCheckpointCleanup.DELETE_ON_CANCELLATION);
        String url = "/v1/jobs/" + job.getJobId() + "/savepoints";

        HttpResponse<String> refused = call("POST", url, null, false);
        assertEquals(401, refused.statusCode(), refused.body());

        HttpResponse<String> noDir = call("POST", url, null, true);
        assertEquals(409, noDir.statusCode(), noDir.body());
        assertTrue(json(noDir).get("error").asText().contains("state.savepoints.dir"), noDir.body());

        HttpResponse<String> badBody = call("POST", url, "not json", true);
        assertEquals(400, badBody.statusCode(), badBody.body());

        String target = tmp.resolve("savepoints").toUri().toString();
        HttpResponse<String> taken = call("POST", url, JSON.writeValueAsString(Map.of("targetDirectory", target)), true);
        assertEquals(200, taken.statusCode(), taken.body());
        String path = json(taken).get("path").asText();
        assertTrue(Path.of(URI.create(path)).startsWith(tmp.resolve("savepoints")), path);
        assertTrue(Files.exists(Path.of(URI.create(path)).resolve("_metadata")), path);
        assertEquals("RUNNING", json(call("GET", "/v1/jobs/" + job.getJobId(), null, true)).get("status").asText());

        cluster.getDispatcher().cancelJob(job.getJobId()).get(30, TimeUnit.SECONDS);
        cluster.getDispatcher().requestJobResult(job.getJobId()).get(30, TimeUnit.SECONDS);
        HttpResponse<String> ended = call("POST", url, JSON.writeValueAsString(Map.of("targetDirectory", target)), true);
        assertEquals(409, ended.statusCode(), ended.body());
        assertTrue(json(ended).get("error").asText().contains("CANCELED"), ended.body());
    }

    @Test
    void stopTakesAFinalSavepointAndThenTheJobEndsCanceled() throws Exception {
        JobGraph job = runningWithACheckpoint("stopped", ExternalizedCheckpointCleanup.DELETE_ON_CANCELLATION);
        String target = tmp.resolve("stop-savepoints").toUri().toString();
        HttpResponse<String> r = call("POST", "/v1/jobs/" + job.getJobId() + "/stop",
                JSON.writeValueAsString(Map.of("targetDirectory", target)), true);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertTrue(Files.exists(Path.of(URI.create(body.get("path").asText())).resolve("_metadata")), r.body());
        assertEquals(RestHandler.STOP_SEMANTICS, body.get("stopped").asText());
        assertEquals("CANCELED", cluster.getDispatcher().requestJobResult(job.getJobId()).get(30, TimeUnit.SECONDS).status().name());
        // the savepoint is the user's: the canceled job's checkpoint cleanup leaves it alone
        assertTrue(Files.exists(Path.of(URI.create(body.get("path").asText())).resolve("_metadata")), r.body());
    }

    @Test
    void cancelWithRetainOnCancellationNamesTheRetainedCheckpoint() throws Exception {
        JobGraph job = runningWithACheckpoint("retained", ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION);
        HttpResponse<String> r = call("POST", "/v1/jobs/" + job.getJobId() + "/cancel", null, true);
        assertEquals(202, r.statusCode(), r.body());
        String retained = json(r).path("retainedCheckpoint").asText();
        assertTrue(retained.contains(job.getJobId().toString()), r.body());
        cluster.getDispatcher().requestJobResult(job.getJobId()).get(30, TimeUnit.SECONDS);
        assertTrue(Files.exists(Path.of(URI.create(retained)).resolve("_metadata")), retained);
    }
}
