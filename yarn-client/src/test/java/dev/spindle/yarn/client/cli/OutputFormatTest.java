package dev.spindle.yarn.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.spindle.api.JobID;
import dev.spindle.yarn.client.api.ApplicationStatus;
import dev.spindle.yarn.client.api.DeploymentResult;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.JobListing;
import dev.spindle.yarn.client.api.JobSummary;

/** The one format of list and of ended applications, whatever the target, and the detached hints. */
class OutputFormatTest {

    private static final String APP = "application_1_0003";
    private final JobID running = JobID.fromHexString("0123456789abcdef0123456789abcdef");
    private final JobID ended = JobID.fromHexString("00000000000000000000000000000002");

    private static String print(Consumer<PrintStream> body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        body.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void infoPrintsPerVertexFiguresAsATable() {
        var measured = new dev.spindle.yarn.client.api.JobDetails.Vertex("Source: numbers -> double", 2, "RUNNING", List.of(),
                new dev.spindle.yarn.client.api.JobDetails.Figures(0, 12_000, 0, 1523.4, 0.42, 0.5));
        var fresh = new dev.spindle.yarn.client.api.JobDetails.Vertex("Sink: drop", 1, "DEPLOYING", List.of(), null);
        String out = print(o -> JobFormat.figures(List.of(measured, fresh), o));
        String[] lines = out.split("\n");
        assertEquals(3, lines.length, out);
        assertTrue(lines[0].contains("Records in") && lines[0].contains("Out/s") && lines[0].contains("Backpr."), out);
        assertTrue(lines[1].matches("\\s+Source: numbers -> double\\s+2\\s+0\\s+12000\\s+0\\.0\\s+1523\\.4\\s+42 %\\s+50 %"), lines[1]);
        assertTrue(lines[2].matches("\\s+Sink: drop\\s+1(\\s+-){6}\\s*"), lines[2]);
    }

    @Test
    void listShowsTheApplicationThenRunningAndTerminatedJobs() {
        ApplicationStatus app = new ApplicationStatus(APP, "Spindle per-job: WordCount", "RUNNING", "UNDEFINED", "", null,
                false);
        JobListing listing = new JobListing(app, List.of(new JobSummary(running, "WordCount", "RUNNING", 0, 0, null, Map.of()),
                new JobSummary(ended, "job-b", "CANCELED", 0, 1500, null, Map.of())));
        String out = print(o -> JobFormat.listing(listing, false, 2000, o));
        assertTrue(out.startsWith("Application " + APP + " (Spindle per-job: WordCount) is RUNNING with 2 job(s):\n"), out);
        assertTrue(out.contains("------------------ Running/Scheduled Jobs ------------------"), out);
        assertTrue(out.contains(" : " + running + " : WordCount (RUNNING) : 2.0 s"), out);
        assertTrue(out.contains("------------------ Terminated Jobs ------------------"), out);
        assertTrue(out.contains(" : " + ended + " : job-b (CANCELED) : 1.5 s"), out);
        String runningOnly = print(o -> JobFormat.listing(listing, true, 2000, o));
        assertTrue(!runningOnly.contains(ended.toString()) && !runningOnly.contains("Terminated"), runningOnly);
    }

    @Test
    void anEndedApplicationSaysSoInOneFormat() {
        ApplicationStatus app = new ApplicationStatus(APP, "it-session", "FINISHED", "SUCCEEDED", "Job x (wc) FINISHED", null,
                true);
        String out = print(o -> ApplicationFormat.ended(app, o));
        assertEquals("Application " + APP + " (it-session) is FINISHED, final status SUCCEEDED.\n"
                + "It has ended: FINISHED, final status SUCCEEDED; YARN's diagnostics: Job x (wc) FINISHED\n", out);
    }

    @Test
    void detachedRunsSayHowToFollowThemWithTargetAndId() {
        DeploymentResult perJob = new DeploymentResult(DeploymentTarget.YARN_PER_JOB, APP, "http://rm/proxy/" + APP, true,
                List.of(running), List.of(), null);
        String out = print(o -> RunReport.print(perJob, o, o));
        assertTrue(out.contains("Application " + APP + " submitted (detached): per-job cluster of job " + running), out);
        assertTrue(out.contains("Job ID: " + running), out);
        assertTrue(out.contains("spindle list -t yarn-per-job -id " + APP), out);
        assertTrue(out.contains("spindle cancel -t yarn-per-job -id " + APP + " " + running), out);
        DeploymentResult application = new DeploymentResult(DeploymentTarget.YARN_APPLICATION, APP, null, true, List.of(),
                List.of(), null);
        String app = print(o -> RunReport.print(application, o, o));
        assertTrue(app.contains("spindle list -t yarn-application -id " + APP) && app.contains("yarn application -kill " + APP),
                app);
    }

    @Test
    void anAttachedRunExitsWithTheApplicationsOutcome() {
        ApplicationStatus failed = new ApplicationStatus(APP, "a", "FINISHED", "FAILED", "boom", null, true);
        DeploymentResult result = new DeploymentResult(DeploymentTarget.YARN_APPLICATION, APP, null, false, List.of(),
                List.of(new JobSummary(running, "wc", "FAILED", 0, 10, "boom", Map.of())), failed);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String out = print(o -> assertEquals(1, RunReport.print(result, o, new PrintStream(err, true, StandardCharsets.UTF_8))));
        assertTrue(out.contains("Job " + running + " (wc) FAILED: boom"), out);
        assertEquals("Application " + APP + " ended FAILED: boom\n", err.toString(StandardCharsets.UTF_8));
    }
}
