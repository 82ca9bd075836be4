package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.AfterAll;
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
 * killed with -9 mid-job, and {@code yarn application -kill}. Each asserts the final YARN status,
 * the exact output, that the staging dir is gone and that no container process is left.
 */
@Timeout(240)
class FaultInjectionTest {

    @RegisterExtension
    static final LocalYarnClusterExtension CLUSTER = new LocalYarnClusterExtension();

    @TempDir
    static Path tmp;

    private static YarnClient yarn;
    private static FileSystem fs;
    private static YarnCli cli;
    private static Path programsJar;

    @BeforeAll
    static void setUp() throws Exception {
        yarn = YarnClient.createYarnClient();
        yarn.init(CLUSTER.cluster().getClientConfiguration());
        yarn.start();
        fs = CLUSTER.cluster().getFileSystem();
        cli = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"));
        programsJar = UserJars.pack(tmp.resolve("programs.jar"), GatedWordCount.class, WaitForFileProgram.class);
    }

    @AfterAll
    static void tearDown() {
        if (yarn != null) {
            yarn.stop();
        }
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
        YarnApps.waitUntil(() -> !exists(YarnApps.stagingDir(fs, appId)), 30, () -> "staging dir removed by the killed AM" + cli.amLogs(appId));
        YarnApps.waitUntil(() -> ContainerProcesses.of(appId).isEmpty(), 30, () -> "container processes left: " + ContainerProcesses.of(appId));
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

    private static boolean exists(org.apache.hadoop.fs.Path path) {
        try {
            return fs.exists(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

}
