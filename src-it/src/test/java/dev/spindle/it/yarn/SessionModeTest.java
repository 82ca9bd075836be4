package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.it.cluster.LocalYarnClusterExtension;
import dev.spindle.it.programs.GatedJob;
import dev.spindle.it.programs.GatedWordCount;
import dev.spindle.runtime.jars.UserJarName;
import dev.spindle.yarn.client.cluster.ApplicationReports;
import dev.spindle.yarn.client.session.SessionPropertiesFile;

/**
 * Session mode on a real HDFS + YARN mini cluster, driven through {@code yarn-session.sh} and
 * {@code spindle}: one session for the class, started detached and stopped at the end; the tests
 * run in order because each builds on the session's state.
 */
@Timeout(100)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionModeTest {

    @RegisterExtension
    static final LocalYarnClusterExtension CLUSTER = new LocalYarnClusterExtension();

    @TempDir
    static Path tmp;

    private static YarnClient yarn;
    private static FileSystem fs;
    private static YarnCli cli;
    private static Path programsJar;
    private static String propertiesLocation;
    private static ApplicationId session;

    @BeforeAll
    static void setUp() throws Exception {
        yarn = CLUSTER.yarnClient();
        fs = CLUSTER.cluster().getFileSystem();
        cli = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"));
        programsJar = UserJars.pack(tmp.resolve("programs.jar"), GatedJob.class);
        propertiesLocation = "-Dyarn.properties-file.location=" + tmp.resolve("props");
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (session != null && !YarnApps.ended(yarn.getApplicationReport(session))) {
            yarn.killApplication(session); // a failed test must not leave the session behind
        }
    }

    @Test
    @Order(1)
    void detachedSessionStartsAndIsRecordedOwnerOnly() throws Exception {
        YarnCli.Result r = cli.session("-d", "-nm", "it-session", "-s", "1", propertiesLocation,
                "-Dresourcemanager.taskmanager-timeout=3s");
        assertEquals(0, r.exitCode(), r.toString());
        Matcher m = Pattern.compile("Spindle session (application_\\d+_\\d+) is running").matcher(r.out());
        assertTrue(m.find(), r.out());
        session = ApplicationId.fromString(m.group(1));
        assertTrue(r.out().contains("yarn-session.sh -id " + session + " --stop"), r.out());

        ApplicationReport report = yarn.getApplicationReport(session);
        assertEquals(YarnApplicationState.RUNNING, report.getYarnApplicationState());
        assertEquals("it-session", report.getName());
        Path props = propertiesFile();
        assertTrue(Files.isRegularFile(props), props.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(props)));
        assertTrue(Files.readString(props).contains("applicationID=" + session));
        assertEquals((short) 0600, fs.getFileStatus(new org.apache.hadoop.fs.Path(stagingDir(), "cluster.secret"))
                .getPermission().toShort());
        String secret = secretIn(props);
        assertFalse(report.getDiagnostics().contains(secret), "secret not in the application report");
        assertFalse(r.out().contains(secret) || r.err().contains(secret), "secret not printed");
    }

    @Test
    @Order(2)
    void queryPrintsNodeManagersAndQueues() {
        YarnCli.Result r = cli.session("-q", propertiesLocation);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("NodeManagers (2 running)"), r.out());
        assertTrue(r.out().contains("Queues:") && r.out().contains("default"), r.out());
    }

    @Test
    @Order(2)
    void restCallWithoutTheSecretIsRefused() throws Exception {
        String rest = dev.spindle.yarn.client.cluster.ApplicationReports.restUrl(yarn.getApplicationReport(session));
        // pinned to the session's certificate, which the properties file carries next to the secret
        HttpClient http = dev.spindle.runtime.rest.RestHttpClients.builder(new dev.spindle.yarn.client.session.SessionPropertiesFile(
                propertiesFile()).read().orElseThrow().secret(), URI.create(rest)).build();
        HttpResponse<String> noSecret = http.send(HttpRequest.newBuilder(URI.create(rest + "/v1/cluster")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noSecret.statusCode(), noSecret.body());
        HttpResponse<String> wrongSecret = http.send(HttpRequest.newBuilder(URI.create(rest + "/v1/jobs"))
                .header("Authorization", "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrongSecret.statusCode(), wrongSecret.body());
        HttpResponse<String> withSecret = http.send(HttpRequest.newBuilder(URI.create(rest + "/v1/jobs"))
                .header("Authorization", "Bearer " + secretIn(propertiesFile())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withSecret.statusCode(), withSecret.body());
        assertEquals(YarnApplicationState.RUNNING, yarn.getApplicationReport(session).getYarnApplicationState(),
                "the refused DELETE changed nothing");
    }

    @Test
    @Order(3)
    void twoJobsRunSideBySideAndOneIsCancelled() throws Exception {
        String releaseA = qualified("/release-a");
        String outA = qualified("/out-a");
        // A bare 'run' finds the session through the properties file.
        YarnCli.Result a = cli.run("run", "-d", propertiesLocation, "-c", GatedJob.class.getName(), programsJar.toString(),
                releaseA, outA, "job-a");
        assertEquals(0, a.exitCode(), a + cli.amLogs(session));
        String jobA = jobIdIn(a.out());
        // -id names the session explicitly; with one slot per TaskExecutor this job needs another container.
        YarnCli.Result b = cli.run("run", "-d", "-t", "yarn-session", "-id", session.toString(), propertiesLocation,
                "-c", GatedJob.class.getName(), programsJar.toString(), qualified("/release-b"), qualified("/out-b"), "job-b");
        assertEquals(0, b.exitCode(), b.toString());
        assertTrue(b.out().contains("already in the session"), "the same jar is not uploaded twice: " + b.out());
        String jobB = jobIdIn(b.out());

        waitUntil(() -> listLine(jobA).contains("(RUNNING)") && listLine(jobB).contains("(RUNNING)"),
                () -> "both jobs RUNNING at once: " + list().out() + cli.amLogs(session));
        YarnCli.Result both = list();
        assertTrue(both.out().contains("Running/Scheduled Jobs"), both.out());
        assertTrue(listLine(jobA).contains(": job-a (RUNNING)"), both.out());
        waitUntil(() -> liveContainers() >= 3, () -> "AM + one TaskExecutor per job, but YARN lists " + liveContainers());

        YarnCli.Result info = cli.run("info", propertiesLocation, jobA);
        assertEquals(0, info.exitCode(), info.toString());
        assertTrue(info.out().contains("Vertex") && info.out().contains("parallelism 1") && info.out().contains("RUNNING"),
                info.out());

        YarnCli.Result cancel = cli.run("cancel", propertiesLocation, jobB);
        assertEquals(0, cancel.exitCode(), cancel.toString());
        waitUntil(() -> listLine(jobB).contains("(CANCELED)"), () -> "job B CANCELED: " + list().out());
        assertTrue(listLine(jobA).contains("(RUNNING)"), "job A unaffected by B's cancel: " + list().out());

        fs.create(new org.apache.hadoop.fs.Path(releaseA)).close();
        waitUntil(() -> listLine(jobA).contains("(FINISHED)"), () -> "job A FINISHED: " + list().out() + cli.amLogs(session));
        YarnCli.Result terminated = list();
        assertTrue(terminated.out().contains("Terminated Jobs"), terminated.out());
        assertEquals(GatedJob.LINES.stream().map(l -> l.toUpperCase(Locale.ROOT)).sorted().toList(), readLines(outA));
    }

    @Test
    @Order(4)
    void idleTaskExecutorsAreReleasedBackToYarn() throws Exception {
        // resourcemanager.taskmanager-timeout is 3 s in this session; only the AM's container may remain.
        waitUntil(() -> liveContainers() == 1, () -> "containers still held: " + liveContainers() + cli.amLogs(session));
        assertEquals(YarnApplicationState.RUNNING, yarn.getApplicationReport(session).getYarnApplicationState());
    }

    @Test
    @Order(5)
    void attachedRunOnAColdSessionPrintsTheResult() throws Exception {
        String release = qualified("/release-c");
        fs.create(new org.apache.hadoop.fs.Path(release)).close();
        String out = qualified("/out-c");
        // a scheme-only output path: main() runs on the client and checks it on the cluster's HDFS
        YarnCli.Result r = cli.run("run", propertiesLocation, "-c", GatedJob.class.getName(), programsJar.toString(),
                release, "hdfs:///out-c", "job-c");
        assertEquals(0, r.exitCode(), r + cli.amLogs(session));
        String jobId = jobIdIn(r.out());
        assertTrue(r.out().contains("Job " + jobId + " (job-c) is FINISHED"), r.out());
        assertTrue(r.out().contains("Job " + jobId + " (job-c) FINISHED in"), r.out());
        assertEquals(3, readLines(out).size());
    }

    @Test
    @Order(5)
    void aWarmRunSendsItsJarAndJobStraightToTheRecordedRestEndpointWithoutAskingYarn() throws Exception {
        SessionPropertiesFile.Entry recorded = new SessionPropertiesFile(propertiesFile()).read().orElseThrow();
        assertEquals(ApplicationReports.restUrl(yarn.getApplicationReport(session)), recorded.restUrl());
        // A client whose ResourceManager address leads nowhere: any YARN call would fail the run.
        Path noRm = Files.createDirectories(tmp.resolve("conf-without-rm"));
        for (String site : List.of("core-site.xml", "hdfs-site.xml")) {
            Files.copy(CLUSTER.cluster().getConfDir().resolve(site), noRm.resolve(site));
        }
        Files.writeString(noRm.resolve("yarn-site.xml"), "<configuration><property><name>yarn.resourcemanager.address</name>"
                + "<value>127.0.0.1:1</value></property></configuration>");
        YarnCli withoutYarn = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"), java.util.Map.of("HADOOP_CONF_DIR",
                noRm.toString()));
        Path newJar = UserJars.pack(tmp.resolve("warm-programs.jar"), GatedJob.class, GatedWordCount.class);
        String release = qualified("/release-w");
        fs.create(new org.apache.hadoop.fs.Path(release)).close();

        YarnCli.Result r = withoutYarn.run("run", propertiesLocation, "-Dyarn.client.rm-connect.max-wait=2s", "-c",
                GatedJob.class.getName(), newJar.toString(), release, qualified("/out-w"), "job-w");
        assertEquals(0, r.exitCode(), r + cli.amLogs(session));
        String jobId = jobIdIn(r.out());
        assertTrue(r.out().contains("Job " + jobId + " (job-w) is FINISHED"), r.out());
        assertEquals(GatedJob.LINES.stream().map(l -> l.toUpperCase(Locale.ROOT)).sorted().toList(), readLines(qualified("/out-w")));
        org.apache.hadoop.fs.Path sent = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(stagingDir(), "usrlib"),
                UserJarName.of(newJar).value());
        assertTrue(r.out().contains("User jar uploaded to " + fs.makeQualified(sent)), "sent over REST: " + r.out());
        assertEquals(Files.size(newJar), fs.getFileStatus(sent).getLen());
        assertEquals((short) 0600, fs.getFileStatus(sent).getPermission().toShort());

        YarnCli.Result again = withoutYarn.run("run", "-d", propertiesLocation, "-Dyarn.client.rm-connect.max-wait=2s", "-c",
                GatedJob.class.getName(), newJar.toString(), release, qualified("/out-w2"), "job-w2");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("User jar already in the session at " + fs.makeQualified(sent)), again.out());
    }

    @Test
    @Order(5)
    void aRecordedEndpointThatNoLongerAnswersFallsBackToYarnAndIsCorrected() throws Exception {
        SessionPropertiesFile file = new SessionPropertiesFile(propertiesFile());
        SessionPropertiesFile.Entry recorded = file.read().orElseThrow();
        // Where an earlier attempt's endpoint was: nothing listens there any more.
        file.write(recorded.applicationId(), recorded.secret(), "https://127.0.0.1:1", recorded.trackingUrl());
        String release = qualified("/release-f");
        fs.create(new org.apache.hadoop.fs.Path(release)).close();

        YarnCli.Result r = cli.run("run", propertiesLocation, "-c", GatedJob.class.getName(), programsJar.toString(), release,
                qualified("/out-f"), "job-f");
        assertEquals(0, r.exitCode(), r + cli.amLogs(session));
        assertTrue(r.out().contains("(job-f) is FINISHED"), r.out());
        assertEquals(3, readLines(qualified("/out-f")).size());
        assertEquals(recorded.restUrl(), file.read().orElseThrow().restUrl(), "the file names the endpoint YARN reports again");
    }

    @Test
    @Order(6)
    void stopEndsTheSessionSucceededAndLeavesNothing() throws Exception {
        // Attaching and then ending the input detaches: the session keeps running.
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
            YarnCli.Result attach = cli.session("-id", session.toString(), propertiesLocation);
            assertEquals(0, attach.exitCode(), attach.toString());
            assertTrue(attach.out().contains("Detached; session " + session + " keeps running"), attach.out());
        } finally {
            System.setIn(stdin);
        }
        assertEquals(YarnApplicationState.RUNNING, yarn.getApplicationReport(session).getYarnApplicationState());

        YarnCli.Result r = cli.session("-id", session.toString(), "--stop", propertiesLocation);
        assertEquals(0, r.exitCode(), r + cli.amLogs(session));
        ApplicationReport end = yarn.getApplicationReport(session);
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), end.getDiagnostics());
        assertTrue(YarnApps.removedSoon(fs, stagingDir()), "staging dir removed");
        assertFalse(Files.exists(propertiesFile()), "properties file removed");

        // Asked about an ended session, 'list' answers from YARN's final report.
        YarnCli.Result list = cli.run("list", "-id", session.toString(), propertiesLocation);
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().contains("has ended: FINISHED, final status SUCCEEDED"), list.out());
        YarnCli.Result cancel = cli.run("cancel", "-id", session.toString(), propertiesLocation,
                "0123456789abcdef0123456789abcdef");
        assertNotEquals(0, cancel.exitCode());
        assertTrue(cancel.err().contains("has ended"), cancel.err());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static YarnCli.Result list() {
        return cli.run("list", propertiesLocation);
    }

    private static String listLine(String jobId) {
        return list().out().lines().filter(l -> l.contains(jobId)).findFirst().orElse("");
    }

    /** Containers YARN lists as live for the session's current attempt (AM included). */
    private static int liveContainers() {
        try {
            return yarn.getContainers(yarn.getApplicationReport(session).getCurrentApplicationAttemptId()).size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path propertiesFile() {
        return tmp.resolve("props").resolve(".yarn-properties-" + System.getProperty("user.name"));
    }

    private static String secretIn(Path props) throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(props)) {
            p.load(in);
        }
        assertNotNull(p.getProperty("secret"));
        return p.getProperty("secret");
    }

    private static org.apache.hadoop.fs.Path stagingDir() {
        return fs.makeQualified(new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".spindle/" + session));
    }

    private static String qualified(String path) {
        return fs.makeQualified(new org.apache.hadoop.fs.Path(path)).toString();
    }

    private static String jobIdIn(String out) {
        Matcher m = Pattern.compile("submitted with JobID ([0-9a-f]{32})").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }

    private static List<String> readLines(String dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (FileStatus part : fs.listStatus(new org.apache.hadoop.fs.Path(dir))) {
            if (part.isFile() && !part.getPath().getName().startsWith(".") && !part.getPath().getName().startsWith("_")) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(part.getPath()),
                        StandardCharsets.UTF_8))) {
                    in.lines().forEach(lines::add);
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    /** Polls a condition (YARN and the REST API offer no notifications); the class timeout bounds it too. */
    private static void waitUntil(BooleanSupplier condition, java.util.function.Supplier<String> message) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + message.get());
            }
            Thread.sleep(200);
        }
    }
}
