package dev.spindle.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.minicluster.MiniCluster;
import dev.spindle.runtime.minicluster.TestJobs;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.rpc.JobGraphs;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.tls.ChannelSecurity;
import dev.spindle.runtime.security.tls.SslContexts;
import dev.spindle.runtime.security.tls.TlsIdentity;
import dev.spindle.runtime.testing.HostileStreams;
import dev.spindle.runtime.testing.RecordingRelay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RestEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static HttpClient http;
    private static MiniCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        conf.setString("heartbeat.interval", "100 ms");
        cluster = new MiniCluster(conf).start();
        // pinned to the cluster's certificate, as every client of the REST endpoint is
        http = RestHttpClients.builder(cluster.getSecret(), URI.create(cluster.getRestUrl())).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cluster.getRestUrl() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> call(String method, String path) throws Exception {
        return call(method, path, cluster.getSecret().toBase64(), HttpRequest.BodyPublishers.noBody());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("").split(";")[0], r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void requestsWithoutTheRightSecretAreRefusedAndChangeNothing() throws Exception {
        JobGraph job = TestJobs.sourceToSink("not-allowed", 1, 1, ShipStrategy.FORWARD, "n=10", "", new Configuration());
        String someJob = new JobID().toHexString();
        for (String token : new String[] {null, ClusterSecret.generate().toBase64(), "garbage"}) {
            for (String[] req : new String[][] {{"GET", "/v1/overview"}, {"GET", "/v1/jobs"}, {"GET", "/"}, {"DELETE", "/v1/cluster"},
                    {"POST", "/v1/jobs"}, {"GET", "/v1/jobs/" + someJob}, {"POST", "/v1/jobs/" + someJob + "/cancel"},
                    {"GET", "/v1/taskexecutors"}, {"GET", "/v1/nothing"}}) {
                HttpResponse<String> r = call(req[0], req[1], token, req[0].equals("POST")
                        ? HttpRequest.BodyPublishers.ofByteArray(JobGraphs.serialize(job)) : HttpRequest.BodyPublishers.noBody());
                assertEquals(401, r.statusCode(), req[0] + " " + req[1]);
                assertTrue(json(r).get("error").asText().contains("secret"));
            }
        }
        assertFalse(cluster.getClusterServices().getShutDownFuture().isDone());
        assertTrue(cluster.getDispatcher().listJobs().get().stream().noneMatch(j -> j.jobId().equals(job.getJobId())));
    }

    @Test
    void jobsSubmittedOverRestRunAndAreDescribed() throws Exception {
        long n = 20_000;
        JobGraph job = TestJobs.sourceToSink("rest-job", 4, 2, ShipStrategy.HASH, "n=" + n, "", new Configuration());
        HttpResponse<String> submitted = call("POST", "/v1/jobs", cluster.getSecret().toBase64(),
                HttpRequest.BodyPublishers.ofByteArray(JobGraphs.serialize(job)));
        assertEquals(202, submitted.statusCode(), submitted.body());
        assertEquals(job.getJobId().toHexString(), json(submitted).get("id").asText());
        cluster.getDispatcher().requestJobResult(job.getJobId()).get(30, TimeUnit.SECONDS);

        JsonNode jobs = json(call("GET", "/v1/jobs")).get("jobs");
        JsonNode entry = null;
        for (JsonNode j : jobs) {
            if (j.get("id").asText().equals(job.getJobId().toHexString())) {
                entry = j;
            }
        }
        assertNotNull(entry, jobs.toString());
        assertEquals("rest-job", entry.get("name").asText());
        assertEquals("FINISHED", entry.get("status").asText());
        assertTrue(entry.get("endTime").asLong() >= entry.get("startTime").asLong());
        assertEquals(entry.get("endTime").asLong() - entry.get("startTime").asLong(), entry.get("duration").asLong());

        JsonNode detail = json(call("GET", "/v1/jobs/" + job.getJobId()));
        assertEquals("FINISHED", detail.get("status").asText());
        assertTrue(detail.get("failureCause").isNull());
        assertEquals(TestJobs.expectedSum(n), detail.get("accumulators").get("sum").asLong());
        JsonNode source = detail.get("vertices").get(0);
        JsonNode sink = detail.get("vertices").get(1);
        assertEquals("source", source.get("name").asText());
        assertEquals(4, source.get("parallelism").asInt());
        assertEquals(4, source.get("subtasks").size());
        assertEquals(n, source.get("recordsOut").asLong());
        assertEquals(n, sink.get("recordsIn").asLong());
        assertEquals("FINISHED", sink.get("subtasks").get(1).get("status").asText());
        assertEquals("127.0.0.1", sink.get("subtasks").get(1).get("host").asText());

        // A job of another test that still holds slots makes the resource manager start more
        // TaskExecutors: the overview and the list must agree, whatever the number.
        JsonNode overview = json(call("GET", "/v1/overview"));
        JsonNode tes = json(call("GET", "/v1/taskexecutors")).get("taskExecutors");
        int taskExecutors = overview.get("taskExecutors").asInt();
        assertTrue(taskExecutors >= 2, overview.toString());
        assertEquals(taskExecutors, tes.size(), tes.toString());
        assertEquals(2 * taskExecutors, overview.get("slotsTotal").asInt());
        assertEquals(taskExecutors, overview.get("workers").get("registered").asInt(), overview.toString());
        assertTrue(overview.get("workers").has("requested"), overview.toString());
        assertTrue(overview.get("jobsFinished").asInt() >= 1);

        assertEquals(2, tes.get(0).get("slotsTotal").asInt());
        assertTrue(tes.get(0).get("lastHeartbeat").asLong() > 0);

        HttpResponse<String> page = call("GET", "/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("rest-job"), page.body());
    }

    @Test
    void cancelOverRestEndsARunningJobCanceled() throws Exception {
        JobGraph job = TestJobs.sourceToSink("to-cancel", 2, 2, ShipStrategy.REBALANCE, "unbounded=true", "", new Configuration());
        cluster.getDispatcher().submitJob(job).get();
        HttpResponse<String> r = call("POST", "/v1/jobs/" + job.getJobId() + "/cancel");
        assertEquals(202, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals(job.getJobId().toHexString(), body.get("id").asText());
        assertEquals("CANCELLING", body.get("status").asText());
        assertEquals("CANCELED", cluster.getDispatcher().requestJobResult(job.getJobId()).get(30, TimeUnit.SECONDS).status().name());
        assertEquals("CANCELED", json(call("GET", "/v1/jobs/" + job.getJobId())).get("status").asText());
    }

    @Test
    void unknownJobsAndBadInputGetClearErrors() throws Exception {
        JobID unknown = new JobID();
        HttpResponse<String> r = call("GET", "/v1/jobs/" + unknown);
        assertEquals(404, r.statusCode());
        assertEquals("no job " + unknown, json(r).get("error").asText());
        assertEquals(404, call("POST", "/v1/jobs/" + unknown + "/cancel").statusCode());

        HttpResponse<String> bad = call("GET", "/v1/jobs/not-an-id");
        assertEquals(400, bad.statusCode());
        assertTrue(json(bad).get("error").asText().contains("32 hex"));

        HttpResponse<String> garbage = call("POST", "/v1/jobs", cluster.getSecret().toBase64(),
                HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}));
        assertEquals(400, garbage.statusCode());
        assertTrue(json(garbage).get("error").asText().contains("not a job graph"), garbage.body());

        // a serialized object of a class a job graph cannot contain is refused before it is instantiated
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new java.io.File("/etc/passwd"));
        }
        HttpResponse<String> foreign = call("POST", "/v1/jobs", cluster.getSecret().toBase64(),
                HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()));
        assertEquals(400, foreign.statusCode(), foreign.body());

        assertEquals(404, call("GET", "/v1/nothing").statusCode());
        assertEquals(405, call("DELETE", "/v1/overview").statusCode());
    }

    @Test
    void deleteClusterAsksForShutdown() throws Exception {
        // run last in effect: it only completes the future; the services keep running until the owner stops them
        HttpResponse<String> r = call("DELETE", "/v1/cluster");
        assertEquals(202, r.statusCode());
        assertEquals(ApplicationStatus.SUCCEEDED, cluster.getClusterServices().getShutDownFuture().get(5, TimeUnit.SECONDS));
    }

    @Test
    void theEndpointSpeaksHttpsOnlyAndOnlyWithTheApplicationsCertificate() throws Exception {
        assertTrue(cluster.getRestUrl().startsWith("https://"), cluster.getRestUrl());
        URI overview = URI.create(cluster.getRestUrl() + "/v1/overview");
        // plain HTTP to the TLS port: no answer is served
        URI plain = URI.create(overview.toString().replace("https://", "http://"));
        HttpClient anyClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThrows(IOException.class, () -> anyClient.send(HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + cluster.getSecret().toBase64()).build(), HttpResponse.BodyHandlers.ofString()));
        // the JDK's default trust (public CAs) does not trust the per-application certificate
        assertThrows(javax.net.ssl.SSLHandshakeException.class, () -> anyClient.send(HttpRequest.newBuilder(overview).build(),
                HttpResponse.BodyHandlers.ofString()));
        // a client pinned to another application's certificate fails the handshake
        HttpClient otherPin = HttpClient.newBuilder().sslContext(SslContexts.client(ChannelSecurity.GENERATED,
                TlsIdentity.generate().withoutPrivateKey())).build();
        assertThrows(javax.net.ssl.SSLHandshakeException.class, () -> otherPin.send(HttpRequest.newBuilder(overview)
                .header("Authorization", "Bearer " + cluster.getSecret().toBase64()).build(), HttpResponse.BodyHandlers.ofString()));
        // and the pinned client refuses to send the secret to a plain-HTTP URL
        IOException refused = assertThrows(IOException.class, () -> RestHttpClients.builder(cluster.getSecret(), plain));
        assertTrue(refused.getMessage().contains("Refusing to send the cluster secret in clear"), refused.getMessage());
    }

    @Test
    void theSecretNeverAppearsInTheBytesOfAnHttpsRequest() throws Exception {
        URI direct = URI.create(cluster.getRestUrl());
        try (RecordingRelay relay = new RecordingRelay(direct.getPort())) {
            URI relayed = URI.create("https://127.0.0.1:" + relay.port() + "/v1/jobs");
            HttpClient pinned = RestHttpClients.builder(cluster.getSecret(), relayed).build();
            HttpResponse<String> r = pinned.send(HttpRequest.newBuilder(relayed).header("Authorization",
                    "Bearer " + cluster.getSecret().toBase64()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(relay.captured().length > 500, "the relay carried the request");
            assertFalse(relay.sawBytes(cluster.getSecret().toBase64().getBytes(StandardCharsets.US_ASCII)), "token not in clear");
            assertFalse(relay.sawBytes("/v1/jobs".getBytes(StandardCharsets.US_ASCII)), "nor the request line");
        }
    }

    @Test
    void oversizedArraysAndForeignClassesInASubmittedGraphAreRefusedByName() throws Exception {
        HttpResponse<String> huge = call("POST", "/v1/jobs", cluster.getSecret().toBase64(),
                HttpRequest.BodyPublishers.ofByteArray(HostileStreams.hugeArrayClaim()));
        assertEquals(400, huge.statusCode(), huge.body());
        String message = json(huge).get("error").asText();
        assertTrue(message.contains("Refused to deserialize the job graph") && message.contains("an array of 2147483639 elements of long"),
                message);
        HttpResponse<String> foreign = call("POST", "/v1/jobs", cluster.getSecret().toBase64(),
                HttpRequest.BodyPublishers.ofByteArray(HostileStreams.foreignObject()));
        assertEquals(400, foreign.statusCode(), foreign.body());
        assertTrue(json(foreign).get("error").asText().contains("class java.io.File"), foreign.body());
    }
}
