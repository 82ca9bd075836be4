package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.spindle.it.cluster.LocalYarnClusterExtension;
import dev.spindle.it.programs.GatedJob;
import dev.spindle.it.web.HeadlessChromium;

/**
 * The web UI as a user reaches it: the tracking link of YARN's UI, through the RM web proxy, in a
 * headless browser, while a job runs in a session; nothing that changes state passes that way.
 */
@Timeout(180)
class WebUiThroughProxyTest {

    @RegisterExtension
    static final LocalYarnClusterExtension CLUSTER = new LocalYarnClusterExtension();

    @TempDir
    static Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static YarnClient yarn;
    private static YarnCli cli;
    private static String propertiesLocation;
    private static ApplicationId session;

    @BeforeAll
    static void setUp() {
        yarn = YarnClient.createYarnClient();
        yarn.init(CLUSTER.cluster().getClientConfiguration());
        yarn.start();
        cli = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"));
        propertiesLocation = "-Dyarn.properties-file.location=" + tmp.resolve("props");
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (session != null && !YarnApps.ended(yarn.getApplicationReport(session))) {
            yarn.killApplication(session);
        }
        if (yarn != null) {
            yarn.stop();
        }
    }

    @Test
    void theTrackingLinkShowsTheRunningJobInABrowserAndRefusesChanges() throws Exception {
        YarnCli.Result started = cli.session("-d", "-nm", "webui-session", "-s", "1", propertiesLocation);
        assertEquals(0, started.exitCode(), started.toString());
        Matcher m = Pattern.compile("Spindle session (application_\\d+_\\d+) is running").matcher(started.out());
        assertTrue(m.find(), started.out());
        session = ApplicationId.fromString(m.group(1));

        Path jar = UserJars.pack(tmp.resolve("programs.jar"), GatedJob.class);
        String fsUri = CLUSTER.cluster().getFileSystem().getUri().toString();
        String release = fsUri + "/webui-release";
        String output = fsUri + "/webui-out";
        YarnCli.Result run = cli.run("run", "-d", propertiesLocation, "-c", GatedJob.class.getName(), jar.toString(), release, output,
                "webui-job");
        assertEquals(0, run.exitCode(), run + cli.amLogs(session));
        Matcher id = Pattern.compile("submitted with JobID ([0-9a-f]{32})").matcher(run.out());
        assertTrue(id.find(), run.out());
        String jobId = id.group(1);

        ApplicationReport report = yarn.getApplicationReport(session);
        String tracking = report.getTrackingUrl();
        String proxyPath = "/proxy/" + session + "/";
        assertTrue(URI.create(tracking).getPath().equals(proxyPath), "YARN links to its proxy: " + tracking);
        assertTrue(report.getOriginalTrackingUrl().startsWith("http://"), report.getOriginalTrackingUrl());
        // The mini cluster's RM builds that link from its configured web port (0, "pick one"); the port it bound is this one.
        String base = CLUSTER.cluster().getResourceManagerWebUrl() + proxyPath;

        // Through the proxy, the read-only JSON answers without any secret once the job's records went through.
        waitUntil(() -> upperRecordsOut(base, jobId) == GatedJob.LINES.size(),
                () -> "every line went through the job: " + get(base + "v1/jobs/" + jobId).body() + cli.amLogs(session));

        HeadlessChromium chromium = HeadlessChromium.find(tmp);
        String overview = chromium.dumpDom(base, 6000);
        assertTrue(overview.contains("id=\"running-jobs\""), overview);
        assertTrue(overview.contains("webui-job") && overview.contains(jobId), overview);
        assertTrue(overview.contains("RUNNING"), overview);

        String jobPage = chromium.dumpDom(base + "#/jobs/" + jobId, 6000);
        assertTrue(jobPage.contains("id=\"job-graph\""), jobPage);
        assertTrue(jobPage.contains("Gated lines"), jobPage);
        assertTrue(jobPage.contains("parallelism 1"), jobPage);
        // the operators of the chain, with the records that went through them
        assertTrue(jobPage.contains("id=\"operators\""), jobPage);
        Matcher upper = Pattern.compile("Upper</td><td class=\"num\">([0-9,]+)</td><td class=\"num\">([0-9,]+)</td>").matcher(jobPage);
        assertTrue(upper.find(), jobPage);
        assertEquals(String.valueOf(GatedJob.LINES.size()), upper.group(1));
        assertEquals(String.valueOf(GatedJob.LINES.size()), upper.group(2));

        Path screenshot = Path.of("target", "webui", "job-page.png");
        chromium.screenshot(base + "#/jobs/" + jobId, 6000, screenshot, 1400, 800);
        assertTrue(Files.size(screenshot) > 10_000, "a real picture: " + Files.size(screenshot) + " bytes");

        // Nothing that changes state goes through the proxy, and the AM's own web UI port refuses direct callers.
        HttpResponse<String> cancel = HTTP.send(HttpRequest.newBuilder(URI.create(base + "v1/jobs/" + jobId + "/cancel"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertNotEquals(202, cancel.statusCode(), cancel.body());
        HttpResponse<String> shutdown = HTTP.send(HttpRequest.newBuilder(URI.create(base + "v1/cluster")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertNotEquals(202, shutdown.statusCode(), shutdown.body());
        JsonNode job = JSON.readTree(get(base + "v1/jobs/" + jobId).body());
        assertEquals("RUNNING", job.get("status").asText(), job.toString());
        assertEquals(YarnApplicationState.RUNNING, yarn.getApplicationReport(session).getYarnApplicationState());

        // Prometheus, scraped through the proxy: the per-operator counter of the operator before the sink.
        String scraped = get(base + "metrics").body();
        Matcher counter = Pattern.compile("^spindle_operator_records_out_total\\{([^}]*operator=\"Upper\"[^}]*)\\} (\\S+)$",
                Pattern.MULTILINE).matcher(scraped);
        assertTrue(counter.find(), scraped);
        assertTrue(counter.group(1).contains("job_id=\"" + jobId + "\""), counter.group(1));
        long upperOut = (long) Double.parseDouble(counter.group(2));
        assertTrue(scraped.contains("spindle_taskexecutor_heap_used_bytes{"), scraped);

        // 'spindle info' prints the per-vertex figures
        YarnCli.Result info = cli.run("info", propertiesLocation, jobId);
        assertEquals(0, info.exitCode(), info.toString());
        assertTrue(info.out().contains("Records in") && info.out().contains("Backpr."), info.out());

        // The CLI still finds the HTTPS REST endpoint (with the secret) although the tracking URL is the web UI's.
        YarnCli.Result list = cli.run("list", propertiesLocation);
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().contains(jobId), list.out());

        CLUSTER.cluster().getFileSystem().create(new org.apache.hadoop.fs.Path(release)).close();
        waitUntil(() -> get(base + "v1/jobs/" + jobId).body().contains("\"status\":\"FINISHED\""),
                () -> "the released job FINISHED: " + get(base + "v1/jobs/" + jobId).body());
        List<String> written = readLines(output);
        assertEquals(upperOut, written.size(), "the scraped counter matches the job's output: " + written);
        YarnCli.Result stop = cli.session("-id", session.toString(), "--stop", propertiesLocation);
        assertEquals(0, stop.exitCode(), stop.toString());
    }

    private static long upperRecordsOut(String base, String jobId) {
        try {
            HttpResponse<String> r = get(base + "v1/jobs/" + jobId);
            if (r.statusCode() != 200) {
                return -1;
            }
            for (JsonNode v : JSON.readTree(r.body()).get("vertices")) {
                for (JsonNode o : v.path("operators")) {
                    if (o.get("name").asText().equals("Upper")) {
                        return o.get("recordsOut").asLong();
                    }
                }
            }
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static List<String> readLines(String dir) throws Exception {
        org.apache.hadoop.fs.FileSystem fs = CLUSTER.cluster().getFileSystem();
        List<String> lines = new java.util.ArrayList<>();
        for (org.apache.hadoop.fs.FileStatus part : fs.listStatus(new org.apache.hadoop.fs.Path(dir))) {
            String name = part.getPath().getName();
            if (part.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(fs.open(part.getPath()),
                        java.nio.charset.StandardCharsets.UTF_8))) {
                    in.lines().forEach(lines::add);
                }
            }
        }
        return lines;
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(url + ": " + e, e);
        }
    }

    private static void waitUntil(BooleanSupplier condition, Supplier<String> message) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertFalse(System.nanoTime() > deadline, message);
            Thread.sleep(200);
        }
    }
}
