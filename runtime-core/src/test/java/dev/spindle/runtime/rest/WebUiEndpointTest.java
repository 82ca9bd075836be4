package dev.spindle.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.api.JobID;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.entrypoint.ClusterServices;
import dev.spindle.runtime.entrypoint.ClusterServicesFactory;
import dev.spindle.runtime.resourcemanager.RecordingDriver;
import dev.spindle.runtime.security.ClusterSecret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The web proxy's entry point: read-only routes for requests traced to the proxy, nothing else. */
@Timeout(60)
class WebUiEndpointTest {

    /** Stands in for the proxy's trace (YARN's is its host address): a request is "proxied" when it carries this header. */
    private static final String PROXIED = "X-Test-Proxied-For";

    private static ClusterServices services;
    private static RecordingDriver driver;
    private static ClusterSecret secret;
    private static final HttpClient PLAIN = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        ProxyRequestAuthorizer authorizer = new ProxyRequestAuthorizer() {
            @Override
            public Optional<String> viewer(javax.servlet.http.HttpServletRequest request) {
                return Optional.ofNullable(request.getHeader(PROXIED));
            }

            @Override
            public String proxyUrl() {
                return "http://proxy.example/proxy/app_1/";
            }
        };
        secret = ClusterSecret.generate();
        driver = new RecordingDriver();
        services = ClusterServicesFactory.start(new Configuration(), driver, secret, "127.0.0.1",
                dev.spindle.runtime.recovery.JobRecoveryStore.none(), new WebUiEndpoint(null, authorizer));
    }

    @AfterAll
    static void stop() throws Exception {
        services.close();
    }

    private static HttpResponse<String> send(String url, String method, boolean proxied, boolean withSecret) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (proxied) {
            b.header(PROXIED, "alice");
        }
        if (withSecret) {
            b.header("Authorization", "Bearer " + secret.toBase64());
        }
        return PLAIN.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theTrackingUrlIsTheWebUiEntryPointAndTheRestUrlStaysHttps() {
        String tracking = driver.addresses.trackingUrl();
        assertTrue(tracking.startsWith("http://127.0.0.1:") && tracking.endsWith(RestServer.WEB_UI_PATH), tracking);
        assertTrue(driver.addresses.restUrl().startsWith("https://"), driver.addresses.restUrl());
        assertNotEquals(URI.create(tracking).getPort(), driver.addresses.restPort());
    }

    @Test
    void proxiedRequestsReadThePageAndTheJson() throws Exception {
        String tracking = driver.addresses.trackingUrl();
        HttpResponse<String> page = send(tracking, "GET", true, false);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("ui/app.js"), page.body());
        HttpResponse<String> script = send(tracking + "ui/app.js", "GET", true, false);
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("application/javascript"));
        HttpResponse<String> overview = send(tracking + "v1/overview", "GET", true, false);
        assertEquals(200, overview.statusCode(), overview.body());
        assertTrue(new ObjectMapper().readTree(overview.body()).has("slotsTotal"), overview.body());
    }

    @Test
    void requestsNotTracedToTheProxyAreRefused() throws Exception {
        HttpResponse<String> direct = send(driver.addresses.trackingUrl() + "v1/jobs", "GET", false, false);
        assertEquals(403, direct.statusCode(), direct.body());
        assertTrue(direct.body().contains("http://proxy.example/proxy/app_1/"), direct.body());
        // the secret does not count on this entry point either
        assertEquals(403, send(driver.addresses.trackingUrl() + "v1/jobs", "GET", false, true).statusCode());
    }

    @Test
    void nothingThatChangesStateIsServedThroughTheProxyEvenWithTheSecret() throws Exception {
        String tracking = driver.addresses.trackingUrl();
        HttpResponse<String> shutdown = send(tracking + "v1/cluster", "DELETE", true, true);
        assertEquals(403, shutdown.statusCode(), shutdown.body());
        assertTrue(shutdown.body().contains("needs the cluster secret"), shutdown.body());
        assertEquals(403, send(tracking + "v1/jobs/" + new JobID() + "/cancel", "POST", true, true).statusCode());
        assertEquals(403, send(tracking + "v1/jobs", "POST", true, true).statusCode());
        assertFalse(services.getShutDownFuture().isDone(), "the cluster was not asked to shut down");
    }

    @Test
    void theMainEndpointStillWantsTheSecretFromProxiedLookingRequests() throws Exception {
        HttpClient pinned = RestHttpClients.builder(secret, URI.create(driver.addresses.restUrl())).build();
        HttpResponse<String> r = pinned.send(HttpRequest.newBuilder(URI.create(driver.addresses.restUrl() + "/v1/jobs"))
                .header(PROXIED, "alice").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode(), r.body());
    }

    @Test
    void theApplicationMastersLogFilesAndJvmAreReadThroughTheProxy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(tmp.resolve("container_01"));
        java.nio.file.Files.writeString(dir.resolve("jobmanager.log"), "2026-01-01 INFO started\n2026-01-01 INFO job running\n");
        java.nio.file.Files.writeString(dir.resolve("jobmanager.out"), "hello from main()\n");
        String before = System.getProperty("log.file");
        System.setProperty("log.file", dir.resolve("jobmanager.log").toString());
        try {
            String tracking = driver.addresses.trackingUrl();
            HttpResponse<String> list = send(tracking + "v1/logs", "GET", true, false);
            assertEquals(200, list.statusCode(), list.body());
            com.fasterxml.jackson.databind.JsonNode logs = new ObjectMapper().readTree(list.body());
            assertEquals("jobmanager.log", logs.get("main").asText());
            assertEquals(2, logs.get("files").size(), list.body());
            assertEquals("jobmanager.out", logs.get("files").get(1).get("name").asText());

            HttpResponse<String> out = send(tracking + "v1/logs/jobmanager.out", "GET", true, false);
            assertEquals(200, out.statusCode(), out.body());
            assertEquals("hello from main()\n", out.body());
            assertEquals("18", out.headers().firstValue("X-Log-File-Size").orElse(""));
            assertEquals("0", out.headers().firstValue("X-Log-Tail-Offset").orElse(""));
            HttpResponse<String> main = send(tracking + "v1/log", "GET", true, false);
            assertTrue(main.body().endsWith("INFO job running\n"), main.body());
            assertEquals(404, send(tracking + "v1/logs/..%2F..%2Fetc%2Fpasswd", "GET", true, false).statusCode());
            assertEquals(404, send(tracking + "v1/logs/missing.log", "GET", true, false).statusCode());
            // not through the proxy: refused like every other route of this entry point
            assertEquals(403, send(tracking + "v1/logs/jobmanager.out", "GET", false, false).statusCode());

            HttpResponse<String> jvm = send(tracking + "v1/jobmanager", "GET", true, false);
            assertEquals(200, jvm.statusCode(), jvm.body());
            assertTrue(new ObjectMapper().readTree(jvm.body()).get("jvm").get("heapUsedBytes").asLong() > 0, jvm.body());
        } finally {
            if (before == null) {
                System.clearProperty("log.file");
            } else {
                System.setProperty("log.file", before);
            }
        }
    }
}
