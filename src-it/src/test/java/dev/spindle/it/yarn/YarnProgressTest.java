package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import dev.spindle.it.cluster.LocalYarnClusterExtension;
import dev.spindle.it.programs.HeldSequenceJob;

/**
 * YARN's progress for a session comes from its jobs' source input: 0 with no job, part of the way
 * while a bounded job's reader is held back by its consumer, and the held job's share once read
 * on; diagnostics stay YARN's own while the AM runs (its AMRM protocol has no field for them).
 */
@Timeout(300)
class YarnProgressTest {

    private static final long NUMBERS = 500_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static final LocalYarnClusterExtension CLUSTER = new LocalYarnClusterExtension();

    @TempDir
    static Path tmp;

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

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private float progress() throws Exception {
        return yarn.getApplicationReport(session).getProgress();
    }

    @Test
    void theSessionsProgressIsTheShareOfSourceInputItsBoundedJobRead() throws Exception {
        YarnCli.Result started = cli.session("-d", "-nm", "progress-session", "-s", "1", propertiesLocation);
        assertEquals(0, started.exitCode(), started.toString());
        Matcher m = Pattern.compile("Spindle session (application_\\d+_\\d+) is running").matcher(started.out());
        assertTrue(m.find(), started.out());
        session = ApplicationId.fromString(m.group(1));
        assertEquals(0f, progress(), "no job, no progress");

        Path jar = UserJars.pack(tmp.resolve("programs.jar"), HeldSequenceJob.class);
        String fsUri = CLUSTER.cluster().getFileSystem().getUri().toString();
        String release = fsUri + "/progress-release";
        YarnCli.Result run = cli.run("run", "-d", propertiesLocation, "-c", HeldSequenceJob.class.getName(), jar.toString(), release,
                String.valueOf(NUMBERS), fsUri + "/progress-out", "held-numbers");
        assertEquals(0, run.exitCode(), run + cli.amLogs(session));
        Matcher id = Pattern.compile("submitted with JobID ([0-9a-f]{32})").matcher(run.out());
        assertTrue(id.find(), run.out());
        String jobUrl = CLUSTER.cluster().getResourceManagerWebUrl() + "/proxy/" + session + "/v1/jobs/" + id.group(1);

        // the reader got as far as the exchange's buffers let it: part of its input, far from all
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (progress() == 0f) {
            assertFalse(System.nanoTime() > deadline, "YARN saw no progress of the held job" + cli.amLogs(session));
            Thread.sleep(500);
        }
        float held = progress();
        assertTrue(held > 0f && held < 0.5f, "held back: " + held);
        String diagnostics = yarn.getApplicationReport(session).getDiagnostics();
        System.out.println("YARN while the job is held: progress " + held + ", diagnostics '" + diagnostics + "'");

        CLUSTER.cluster().getFileSystem().create(new org.apache.hadoop.fs.Path(release)).close();
        YarnCli.Result stop;
        // once read on, the job finishes; with no job left the session's progress is 0 again
        deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        float last = held;
        while (!get(jobUrl).contains("\"status\":\"FINISHED\"")) {
            assertFalse(System.nanoTime() > deadline, "the released job did not finish" + cli.amLogs(session));
            float p = progress();
            assertTrue(p == 0f || p >= last, "progress goes back only when no job runs: " + last + " then " + p);
            last = p == 0f ? last : p;
            Thread.sleep(500);
        }
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (progress() != 0f) {
            assertFalse(System.nanoTime() > deadline, "progress stayed " + progress() + " with no job running");
            Thread.sleep(500);
        }
        stop = cli.session("-id", session.toString(), "--stop", propertiesLocation);
        assertEquals(0, stop.exitCode(), stop.toString());
    }
}
