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
import dev.spindle.it.programs.WebUiJob;
import dev.spindle.it.web.HeadlessChromium;

/**
 * The web UI as a user reaches it: the tracking link of YARN's UI, through the RM web proxy, in a
 * headless browser, while a job runs in a session; nothing that changes state passes that way.
 */
@Timeout(420)
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
        yarn = CLUSTER.yarnClient();
        cli = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"));
        propertiesLocation = "-Dyarn.properties-file.location=" + tmp.resolve("props");
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (session != null && !YarnApps.ended(yarn.getApplicationReport(session))) {
            yarn.killApplication(session);
        }
    }

    @Test
    void theTrackingLinkShowsTheRunningJobInABrowserAndRefusesChanges() throws Exception {
        YarnCli.Result started = cli.session("-d", "-nm", "webui-session", "-s", "1", propertiesLocation);
        assertEquals(0, started.exitCode(), started.toString());
        Matcher m = Pattern.compile("Spindle session (application_\\d+_\\d+) is running").matcher(started.out());
        assertTrue(m.find(), started.out());
        session = ApplicationId.fromString(m.group(1));

        Path jar = UserJars.pack(tmp.resolve("programs.jar"), WebUiJob.class, GatedJob.class);
        String fsUri = CLUSTER.cluster().getFileSystem().getUri().toString();
        String release = fsUri + "/webui-release";
        String output = fsUri + "/webui-out";
        String checkpoints = fsUri + "/webui-checkpoints";
        YarnCli.Result run = cli.run("run", "-d", propertiesLocation, "-c", WebUiJob.class.getName(), jar.toString(), release, output,
                checkpoints, "webui-job");
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
        waitUntil(() -> get(base + "v1/jobs/" + jobId + "/checkpoints").body().matches(".*\"completed\":[1-9].*"),
                () -> "a checkpoint completed: " + get(base + "v1/jobs/" + jobId + "/checkpoints").body());

        HeadlessChromium chromium = HeadlessChromium.find(tmp);
        String overview = chromium.dumpDom(base, 6000);
        assertTrue(overview.contains("id=\"running-jobs\""), overview);
        assertTrue(overview.contains("webui-job") && overview.contains(jobId), overview);
        assertTrue(overview.contains("RUNNING"), overview);

        String jobPage = chromium.dumpDom(base + "#/jobs/" + jobId, 6000);
        assertTrue(jobPage.contains("id=\"job-graph\""), jobPage);
        assertTrue(jobPage.contains("Gated lines"), jobPage);
        // two vertices: the source (one subtask) and Upper chained with its sink (two), the records crossing the network between them
        assertTrue(jobPage.contains("parallelism 1") && jobPage.contains("parallelism 2") && jobPage.contains("REBALANCE"), jobPage);
        assertTrue(jobPage.contains(">in " + GatedJob.LINES.size() + " ("), "the Upper vertex received every line: " + jobPage);
        // the operators of the chain, with the records that went through them
        assertTrue(jobPage.contains("id=\"operators\""), jobPage);
        Matcher upper = Pattern.compile("Upper</td><td class=\"num\">([0-9,]+)</td><td class=\"num\">([0-9,]+)</td>").matcher(jobPage);
        assertTrue(upper.find(), jobPage);
        assertEquals(String.valueOf(GatedJob.LINES.size()), upper.group(1));
        assertEquals(String.valueOf(GatedJob.LINES.size()), upper.group(2));

        Path screenshot = Path.of("target", "webui", "job-page.png");
        chromium.screenshot(base + "#/jobs/" + jobId, 6000, screenshot, 1400, 800);
        assertTrue(Files.size(screenshot) > 10_000, "a real picture: " + Files.size(screenshot) + " bytes");

        // the checkpoints tab: the latest completed checkpoint with its HDFS path, acknowledged by every subtask
        String checkpointsTab = chromium.dumpDom(base + "#/jobs/" + jobId + "/checkpoints", 6000);
        assertTrue(checkpointsTab.contains("id=\"latest-checkpoint\"") && checkpointsTab.contains(checkpoints + "/" + jobId + "/chk-"),
                checkpointsTab);
        assertTrue(checkpointsTab.contains("id=\"checkpoint-acknowledgements\"") && checkpointsTab.contains("Source: Gated lines (1/1)")
                && checkpointsTab.contains("(1/2)") && checkpointsTab.contains("(2/2)"), checkpointsTab);
        chromium.screenshot(base + "#/jobs/" + jobId + "/checkpoints", 6000, Path.of("target", "webui", "checkpoints.png"), 1400, 1000);

        // the TaskExecutors page: the session's two TaskExecutor containers, each with a link to its logs on its NodeManager
        String taskExecutors = chromium.dumpDom(base + "#/taskexecutors", 6000);
        Matcher containers = Pattern.compile(">(container_[0-9_]+)</code>").matcher(taskExecutors);
        java.util.Set<String> containerIds = new java.util.TreeSet<>();
        while (containers.find()) {
            containerIds.add(containers.group(1));
        }
        assertEquals(2, containerIds.size(), taskExecutors);
        String appPart = session.toString().substring("application_".length());
        for (String container : containerIds) {
            assertTrue(container.contains(appPart), container + " belongs to " + session);
            assertTrue(taskExecutors.contains("/node/containerlogs/" + container + "/"), "a log link for " + container + ": " + taskExecutors);
        }
        assertTrue(taskExecutors.contains("id=\"am-heap-used\""), "the AM's own JVM: " + taskExecutors);
        chromium.screenshot(base + "#/taskexecutors", 6000, Path.of("target", "webui", "taskexecutors.png"), 1400, 600);

        // the log page: the tail of the AM's own log from its container's log dir, with the files beside it
        String logPage = chromium.dumpDom(base + "#/log", 6000);
        assertTrue(logPage.contains("id=\"am-log\""), logPage);
        assertTrue(logPage.contains("Received job " + jobId), "the AM's log lines: " + logPage);
        assertTrue(logPage.contains("jobmanager.log") && logPage.contains("jobmanager.out") && logPage.contains("jobmanager.err"), logPage);

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
        long upperOut = 0;
        int series = 0;
        while (counter.find()) {
            assertTrue(counter.group(1).contains("job_id=\"" + jobId + "\""), counter.group(1));
            upperOut += (long) Double.parseDouble(counter.group(2));
            series++;
        }
        assertEquals(2, series, "one series per Upper subtask: " + scraped);
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
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            assertFalse(System.nanoTime() > deadline, message);
            Thread.sleep(200);
        }
    }
}
