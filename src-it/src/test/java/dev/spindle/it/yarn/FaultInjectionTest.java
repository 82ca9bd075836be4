package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.it.cluster.LocalYarnClusterExtension;
import dev.spindle.it.programs.GatedWordCount;
import dev.spindle.it.programs.WaitForFileProgram;

/**
 * Faults injected into running applications on one mini cluster: a TaskExecutor container's JVM
 * killed with -9 mid-job, {@code yarn application -kill}, the client killed with -9 during its
 * upload and while its application waits in ACCEPTED, the AM frozen (SIGSTOP) while tasks report
 * their ends, and two jobs contending for a session in a queue that fits one. Each asserts the
 * final YARN status, the exact output, that the staging dir is gone and that no container process
 * is left.
 */
@Timeout(300)
class FaultInjectionTest {

    /** Fits an AM and one TaskExecutor (768 MB each, see YarnCli), but not a second TaskExecutor. */
    private static final String NARROW_QUEUE = "narrow";

    // The queue holds 25 % of the 2 x 4 GB NodeManagers, 2 GB, and may not grow beyond it.
    @RegisterExtension
    static final LocalYarnClusterExtension CLUSTER = new LocalYarnClusterExtension(2, Map.of(
            "yarn.scheduler.capacity.root.queues", "default," + NARROW_QUEUE,
            "yarn.scheduler.capacity.root.default.capacity", "75",
            "yarn.scheduler.capacity.root." + NARROW_QUEUE + ".capacity", "25",
            "yarn.scheduler.capacity.root." + NARROW_QUEUE + ".maximum-capacity", "25"));

    @TempDir
    static Path tmp;

    private static YarnClient yarn;
    private static FileSystem fs;
    private static YarnCli cli;
    private static Path programsJar;

    @BeforeAll
    static void setUp() throws Exception {
        yarn = CLUSTER.yarnClient();
        fs = CLUSTER.cluster().getFileSystem();
        cli = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"));
        programsJar = UserJars.pack(tmp.resolve("programs.jar"), GatedWordCount.class, WaitForFileProgram.class);
    }

    @Test
    void taskExecutorKilledMidJobIsReplacedAndTheJobsOutputIsExact() throws Exception {
        org.apache.hadoop.fs.Path release = fs.makeQualified(new org.apache.hadoop.fs.Path("/tmp/release-kill-te"));
        org.apache.hadoop.fs.Path markers = fs.makeQualified(new org.apache.hadoop.fs.Path("/tmp/markers-kill-te"));
        String output = fs.makeQualified(new org.apache.hadoop.fs.Path("/out-kill-te")).toString();
        YarnCli.Result submitted = cli.run("run-application", "-d", "-p", "2", "-Dtaskmanager.numberOfTaskSlots=1",
                "-Drestart-strategy.type=fixed-delay", "-Drestart-strategy.fixed-delay.attempts=2",
                "-Drestart-strategy.fixed-delay.delay=500ms", "-c", GatedWordCount.class.getName(), programsJar.toString(),
                release.toString(), markers.toString(), output);
        assertEquals(0, submitted.exitCode(), submitted.toString());
        ApplicationId appId = ApplicationModeLifecycleTest.applicationIdIn(submitted.out());
        try {
            // Mid-run: the source emitted everything and holds; both TaskExecutors run subtasks.
            YarnApps.waitUntil(() -> markerCount(markers) == 1 && ContainerProcesses.taskExecutors(appId).size() == 2, 90,
                    () -> "job running on two TaskExecutors" + cli.amLogs(appId));
            List<ProcessHandle> before = ContainerProcesses.taskExecutors(appId);
            ProcessHandle victim = before.get(before.size() - 1);
            String victimContainer = ContainerProcesses.containerIdOf(victim);
            assertTrue(victim.destroyForcibly(), "kill -9 of " + victimContainer);

            // The restarted attempt runs on a new container (the source announces it again).
            YarnApps.waitUntil(() -> markerCount(markers) >= 2, 90, () -> "restart after the kill" + cli.amLogs(appId));
            List<String> after = ContainerProcesses.taskExecutors(appId).stream().map(ContainerProcesses::containerIdOf).toList();
            assertFalse(after.contains(victimContainer), after.toString());
            fs.create(release).close();

            ApplicationReport end = YarnApps.waitForEnd(yarn, appId);
            String context = end.getDiagnostics() + cli.amLogs(appId);
            assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), context);
            assertEquals(expectedCounts(), WordCountOutput.readCounts(fs, output), context);
            assertTrue(cli.amLogs(appId).contains(victimContainer), "the AM log names the lost container" + context);
            assertTrue(YarnApps.removedSoon(fs, YarnApps.stagingDir(fs, appId)), "staging dir removed" + context);
            YarnApps.waitUntil(() -> ContainerProcesses.of(appId).isEmpty(), 30, () -> "container processes left: " + ContainerProcesses.of(appId));
        } finally {
            fs.create(release, true).close();
        }
    }

    @Test
    void yarnApplicationKillEndsKilledWithNoStagingAndNoContainerLeft() throws Exception {
        org.apache.hadoop.fs.Path release = fs.makeQualified(new org.apache.hadoop.fs.Path("/tmp/release-yarn-kill"));
        // One attempt: the SIGTERM the kill sends is then the end of the application, and the AM's hook removes its staging dir.
        YarnCli.Result submitted = cli.run("run-application", "-d", "-Dyarn.application-attempts=1", "-c",
                WaitForFileProgram.class.getName(), programsJar.toString(), release.toString());
        assertEquals(0, submitted.exitCode(), submitted.toString());
        ApplicationId appId = ApplicationModeLifecycleTest.applicationIdIn(submitted.out());
        assertTrue(fs.exists(YarnApps.stagingDir(fs, appId)));

        yarn.killApplication(appId);

        ApplicationReport end = YarnApps.waitForEnd(yarn, appId);
        assertEquals(YarnApplicationState.KILLED, end.getYarnApplicationState());
        assertEquals(FinalApplicationStatus.KILLED, end.getFinalApplicationStatus());
        YarnApps.waitUntil(() -> !YarnApps.exists(fs, YarnApps.stagingDir(fs, appId)), 30, () -> "staging dir removed by the killed AM" + cli.amLogs(appId));
        YarnApps.waitUntil(() -> ContainerProcesses.of(appId).isEmpty(), 30, () -> "container processes left: " + ContainerProcesses.of(appId));
    }

    @Test
    void aClientKilledDuringUploadLeavesADirThatOnlyTheSweepRemovesAndNeverALiveApplicationsDir() throws Exception {
        org.apache.hadoop.fs.Path release = fs.makeQualified(new org.apache.hadoop.fs.Path("/tmp/release-live-beside-upload"));
        YarnCli.Result live = cli.run("run-application", "-d", "-Dyarn.application-attempts=1", "-c",
                WaitForFileProgram.class.getName(), programsJar.toString(), release.toString());
        assertEquals(0, live.exitCode(), live.toString());
        ApplicationId liveId = ApplicationModeLifecycleTest.applicationIdIn(live.out());
        org.apache.hadoop.fs.Path liveStaging = YarnApps.stagingDir(fs, liveId);
        try {
            // Sparse locally, but a gigabyte to write into HDFS: the upload surely lasts past the kill.
            Path big = tmp.resolve("big-ship-file.bin");
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
                f.setLength(1L << 30);
            }
            org.apache.hadoop.fs.Path stagingRoot = YarnApps.stagingRoot(fs);
            List<String> before = YarnApps.stagingDirNames(fs);
            Process client = cli.start(tmp.resolve("killed-during-upload.log"), "run-application", "-d",
                    "-Dyarn.ship-files=" + big, "-c", WaitForFileProgram.class.getName(), programsJar.toString(), "/tmp/never");
            org.apache.hadoop.fs.Path[] orphan = new org.apache.hadoop.fs.Path[1];
            YarnApps.waitUntil(() -> {
                for (String name : YarnApps.stagingDirNames(fs)) {
                    org.apache.hadoop.fs.Path partial = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(stagingRoot, name),
                            big.getFileName().toString());
                    if (!before.contains(name) && YarnApps.exists(fs, partial)) {
                        orphan[0] = partial.getParent();
                        return true;
                    }
                }
                return false;
            }, 120, () -> "the client uploading the ship file: " + readQuietly(tmp.resolve("killed-during-upload.log")));
            client.destroyForcibly().waitFor();
            ApplicationId orphanId = ApplicationId.fromString(orphan[0].getName());
            assertThrows(org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException.class, () -> yarn.getApplicationReport(orphanId),
                    "killed before submitting: YARN never heard of " + orphanId);

            // Within the minimum age an unknown application's dir may be another client's upload in progress.
            YarnCli.Result young = cli.run("clean");
            assertEquals(0, young.exitCode(), young.toString());
            assertTrue(fs.exists(orphan[0]), "kept while younger than the minimum age: " + young.out());

            YarnCli.Result swept = cli.run("clean", "-Dyarn.staging-directory.sweep-min-age=0ms");
            assertEquals(0, swept.exitCode(), swept.toString());
            assertFalse(fs.exists(orphan[0]), swept.out());
            assertTrue(swept.out().contains("Removed " + orphan[0]), swept.out());
            assertTrue(fs.exists(liveStaging), "a live application's dir is never swept: " + swept.out());
        } finally {
            fs.create(release, true).close();
        }
        ApplicationReport end = YarnApps.waitForEnd(yarn, liveId);
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), end.getDiagnostics() + cli.amLogs(liveId));
        assertTrue(YarnApps.removedSoon(fs, liveStaging), "staging dir removed");
        YarnApps.waitUntil(() -> ContainerProcesses.of(liveId).isEmpty(), 30, () -> "container processes left: " + ContainerProcesses.of(liveId));
    }

    @Test
    void aClientKilledWhileItsApplicationIsAcceptedLeavesTheApplicationToFinishAndCleanUpAlone() throws Exception {
        org.apache.hadoop.fs.Path release = fs.makeQualified(new org.apache.hadoop.fs.Path("/tmp/release-client-kill"));
        org.apache.hadoop.fs.Path markers = fs.makeQualified(new org.apache.hadoop.fs.Path("/tmp/markers-client-kill"));
        String output = fs.makeQualified(new org.apache.hadoop.fs.Path("/out-client-kill")).toString();
        java.util.Set<ApplicationId> before = applicationIds();
        Path log = tmp.resolve("killed-while-accepted.log");
        Process client = cli.start(log, "run-application", "-p", "2", "-c", GatedWordCount.class.getName(), programsJar.toString(),
                release.toString(), markers.toString(), output);
        ApplicationId[] appId = new ApplicationId[1];
        YarnApps.waitUntil(() -> {
            appId[0] = applicationIds().stream().filter(id -> !before.contains(id)).findFirst().orElse(null);
            return appId[0] != null;
        }, 120, () -> "the attached client's submission: " + readQuietly(log));
        client.destroyForcibly().waitFor();
        YarnApplicationState atKill = yarn.getApplicationReport(appId[0]).getYarnApplicationState();
        assertTrue(java.util.EnumSet.of(YarnApplicationState.NEW, YarnApplicationState.NEW_SAVING, YarnApplicationState.SUBMITTED,
                YarnApplicationState.ACCEPTED).contains(atKill), "killed before the AM registered, but it was " + atKill);
        try {
            YarnApps.waitUntil(() -> markerCount(markers) == 1, 180, () -> "the job running without its client" + cli.amLogs(appId[0]));
        } finally {
            fs.create(release, true).close();
        }
        ApplicationReport end = YarnApps.waitForEnd(yarn, appId[0]);
        String context = end.getDiagnostics() + cli.amLogs(appId[0]);
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), context);
        assertEquals(expectedCounts(), WordCountOutput.readCounts(fs, output), context);
        assertTrue(YarnApps.removedSoon(fs, YarnApps.stagingDir(fs, appId[0])), "staging dir removed" + context);
        YarnApps.waitUntil(() -> ContainerProcesses.of(appId[0]).isEmpty(), 30,
                () -> "container processes left: " + ContainerProcesses.of(appId[0]));
    }

    @Test
    void aFinalTaskStateUpdateLostWhileTheApplicationMasterIsFrozenIsResentAndTheJobSucceeds() throws Exception {
        org.apache.hadoop.fs.Path release = fs.makeQualified(new org.apache.hadoop.fs.Path("/tmp/release-lost-update"));
        org.apache.hadoop.fs.Path markers = fs.makeQualified(new org.apache.hadoop.fs.Path("/tmp/markers-lost-update"));
        String output = fs.makeQualified(new org.apache.hadoop.fs.Path("/out-lost-update")).toString();
        // Each of a TaskExecutor's three tries of an update waits rpc.ask-timeout (10 s) on the frozen AM:
        // they give up after about 30 s, inside a heartbeat.timeout widened so that neither side
        // declares the other lost meanwhile. A shorter ask timeout would fail deployments on a busy machine.
        YarnCli.Result submitted = cli.run("run-application", "-d", "-p", "2", "-Dheartbeat.timeout=120s",
                "-Dheartbeat.interval=1s", "-Drestart-strategy.type=none", "-c", GatedWordCount.class.getName(),
                programsJar.toString(), release.toString(), markers.toString(), output);
        assertEquals(0, submitted.exitCode(), submitted.toString());
        ApplicationId appId = ApplicationModeLifecycleTest.applicationIdIn(submitted.out());
        try {
            YarnApps.waitUntil(() -> markerCount(markers) == 1 && ContainerProcesses.taskExecutors(appId).size() == 1, 120,
                    () -> "job running on one TaskExecutor" + cli.amLogs(appId));
            ProcessHandle am = ContainerProcesses.applicationMaster(appId);
            ContainerProcesses.signal(am, "STOP");
            try {
                // Released while the AM is frozen: every task but the sinks ends and cannot tell its job master;
                // the sinks wait at the end of their input for the job master's permission to commit.
                fs.create(release).close();
                YarnApps.waitUntil(() -> {
                    String log = taskExecutorLog(appId);
                    int deployed = occurrences(log, "Deploying ");
                    int sinks = occurrences(log, "Deploying Keyed Sum -> Format -> Sink");
                    return sinks > 0 && occurrences(log, "Could not report final state FINISHED") == deployed - sinks
                            && occurrences(log, "waits for its job master's permission to commit") == sinks;
                }, 100, () -> "every task's final update given up and the sinks waiting while the AM is frozen:\n"
                        + taskExecutorLog(appId));
            } finally {
                ContainerProcesses.signal(am, "CONT");
            }

            ApplicationReport end = YarnApps.waitForEnd(yarn, appId);
            String amLog = cli.containerLogText(appId, "jobmanager.log");
            String context = end.getDiagnostics() + "\n" + amLog;
            assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), context);
            assertEquals(expectedCounts(), WordCountOutput.readCounts(fs, output), context);
            // The job master heard of the ends only through the resent final states: the updates were lost.
            assertTrue(amLog.contains("came with a heartbeat"), context);
            assertFalse(amLog.contains("considered failed"), context);
            assertTrue(YarnApps.removedSoon(fs, YarnApps.stagingDir(fs, appId)), "staging dir removed" + context);
            YarnApps.waitUntil(() -> ContainerProcesses.of(appId).isEmpty(), 30, () -> "container processes left: " + ContainerProcesses.of(appId));
        } finally {
            // The frozen AM was let go in the inner finally; signalling it again here raced with its exit.
            fs.create(release, true).close();
        }
    }

    @Test
    void twoJobsOnASessionWhoseQueueFitsOneRunOneAfterTheOtherAndBothFinish() throws Exception {
        String props = "-Dyarn.properties-file.location=" + tmp.resolve("narrow-session-props");
        YarnCli.Result started = cli.session("-d", "-nm", "narrow-session", "-qu", NARROW_QUEUE, "-s", "2", props);
        assertEquals(0, started.exitCode(), started.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Spindle session (application_\\d+_\\d+) is running")
                .matcher(started.out());
        assertTrue(m.find(), started.out());
        ApplicationId session = ApplicationId.fromString(m.group(1));
        String[] names = {"a", "b"};
        org.apache.hadoop.fs.Path[] releases = new org.apache.hadoop.fs.Path[2];
        org.apache.hadoop.fs.Path[] markers = new org.apache.hadoop.fs.Path[2];
        String[] outputs = new String[2];
        String[] jobIds = new String[2];
        try {
            assertEquals("root." + NARROW_QUEUE, yarn.getApplicationReport(session).getQueue());
            for (int i = 0; i < 2; i++) {
                releases[i] = fs.makeQualified(new org.apache.hadoop.fs.Path("/tmp/release-narrow-" + names[i]));
                markers[i] = fs.makeQualified(new org.apache.hadoop.fs.Path("/tmp/markers-narrow-" + names[i]));
                outputs[i] = fs.makeQualified(new org.apache.hadoop.fs.Path("/out-narrow-" + names[i])).toString();
                // Parallelism 2 takes both slots of the one TaskExecutor the queue has room for.
                YarnCli.Result run = cli.run("run", "-d", props, "-p", "2", "-c", GatedWordCount.class.getName(),
                        programsJar.toString(), releases[i].toString(), markers[i].toString(), outputs[i]);
                assertEquals(0, run.exitCode(), run + cli.amLogs(session));
                java.util.regex.Matcher j = java.util.regex.Pattern.compile("submitted with JobID ([0-9a-f]{32})").matcher(run.out());
                assertTrue(j.find(), run.out());
                jobIds[i] = j.group(1);
            }
            YarnApps.waitUntil(() -> markerCount(markers[0]) + markerCount(markers[1]) > 0, 180,
                    () -> "one of the jobs running: " + cli.run("list", props).out() + cli.amLogs(session));
            int first = markerCount(markers[0]) > 0 ? 0 : 1;
            int second = 1 - first;
            for (org.apache.hadoop.fs.Path r : releases) {
                fs.create(r, true).close();
            }
            YarnApps.waitUntil(() -> {
                String list = cli.run("list", props).out();
                return list.lines().filter(l -> (l.contains(jobIds[0]) || l.contains(jobIds[1])) && l.contains("(FINISHED)")).count() == 2;
            }, 180, () -> "both jobs FINISHED: " + cli.run("list", props).out() + cli.amLogs(session));
            for (String out : outputs) {
                assertEquals(expectedCounts(), WordCountOutput.readCounts(fs, out), out + cli.amLogs(session));
            }
            // The second job's source began only after the first job had written all its output.
            long firstOutputDone = java.util.Arrays.stream(fs.listStatus(new org.apache.hadoop.fs.Path(outputs[first])))
                    .mapToLong(org.apache.hadoop.fs.FileStatus::getModificationTime).max().orElseThrow();
            long secondStarted = fs.listStatus(markers[second])[0].getModificationTime();
            assertTrue(secondStarted > firstOutputDone, "job " + names[second] + " emitted at " + secondStarted
                    + ", before job " + names[first] + " ended (its output complete at " + firstOutputDone + ")" + cli.amLogs(session));

            YarnCli.Result stop = cli.session("-id", session.toString(), "--stop", props);
            assertEquals(0, stop.exitCode(), stop + cli.amLogs(session));
            ApplicationReport end = YarnApps.waitForEnd(yarn, session);
            assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), end.getDiagnostics() + cli.amLogs(session));
            assertTrue(YarnApps.removedSoon(fs, YarnApps.stagingDir(fs, session)), "staging dir removed" + cli.amLogs(session));
            YarnApps.waitUntil(() -> ContainerProcesses.of(session).isEmpty(), 30,
                    () -> "container processes left: " + ContainerProcesses.of(session));
        } finally {
            for (org.apache.hadoop.fs.Path r : releases) {
                if (r != null) {
                    fs.create(r, true).close();
                }
            }
            if (!YarnApps.ended(yarn.getApplicationReport(session))) {
                yarn.killApplication(session); // a failed test must not leave the session holding the queue
            }
        }
    }

    private static String taskExecutorLog(ApplicationId appId) {
        try {
            return cli.containerLogText(appId, "taskmanager.log");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static java.util.Set<ApplicationId> applicationIds() {
        try {
            return yarn.getApplications().stream().map(ApplicationReport::getApplicationId)
                    .collect(java.util.stream.Collectors.toSet());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return "(" + e + ")";
        }
    }

    private static Map<String, Long> expectedCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (String line : GatedWordCount.lines()) {
            for (String word : line.split(" ")) {
                counts.merge(word, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static int markerCount(org.apache.hadoop.fs.Path markers) {
        try {
            return fs.exists(markers) ? fs.listStatus(markers).length : 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
