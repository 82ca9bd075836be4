package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.it.cluster.LocalYarnClusterExtension;
import dev.spindle.it.programs.EventTimeWindowsProgram;

/**
 * An event-time windowed job with checkpoints at parallelism 2 on two TaskExecutors; one TaskExecutor
 * container is killed with kill -9 mid-run. The job restarts from its latest checkpoint (window
 * contents, timers and watermarks restored) and must write every window's result exactly once:
 * the HDFS output is compared line by line with a reference computed here, with the final YARN
 * status and the staging dir's removal.
 */
@Timeout(480)
class EventTimeWindowFailoverTest {

    /** About 8 s of paced input per subtask: checkpoints before the kill and after the restart. */
    private static final long RECORDS = 80_000;

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
        yarn = CLUSTER.yarnClient();
        fs = CLUSTER.cluster().getFileSystem();
        cli = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"));
        programsJar = UserJars.pack(tmp.resolve("programs.jar"), EventTimeWindowsProgram.class);
    }

    private static String qualified(String path) {
        return fs.makeQualified(new org.apache.hadoop.fs.Path(path)).toString();
    }

    @Test
    void aTaskExecutorKilledMidRunLeavesEveryWindowResultWrittenExactlyOnce() throws Exception {
        org.apache.hadoop.fs.Path checkpoints = new org.apache.hadoop.fs.Path(qualified("/checkpoints-windows"));
        String output = qualified("/out-windows");
        YarnCli.Result submitted = cli.run("run-application", "-d", "-p", "2", "-Dtaskmanager.numberOfTaskSlots=1",
                "-Drestart-strategy.type=fixed-delay", "-Drestart-strategy.fixed-delay.attempts=3",
                "-Drestart-strategy.fixed-delay.delay=500ms", "-c", EventTimeWindowsProgram.class.getName(), programsJar.toString(),
                checkpoints.toString(), output, Long.toString(RECORDS));
        assertEquals(0, submitted.exitCode(), submitted.toString());
        ApplicationId appId = ApplicationModeLifecycleTest.applicationIdIn(submitted.out());

        YarnApps.waitUntil(() -> YarnApps.hasFile(fs, checkpoints, "_metadata") && ContainerProcesses.taskExecutors(appId).size() == 2, 240,
                () -> "a completed checkpoint with the job on two TaskExecutors" + cli.amLogs(appId));
        List<ProcessHandle> taskExecutors = ContainerProcesses.taskExecutors(appId);
        ProcessHandle victim = taskExecutors.get(taskExecutors.size() - 1);
        String victimContainer = ContainerProcesses.containerIdOf(victim);
        assertTrue(victim.destroyForcibly(), "kill -9 of " + victimContainer);
        YarnApps.waitUntil(() -> ContainerProcesses.taskExecutors(appId).stream().map(ContainerProcesses::containerIdOf)
                .anyMatch(c -> !c.equals(victimContainer) && !taskExecutors.stream().map(ContainerProcesses::containerIdOf)
                        .toList().contains(c)), 180, () -> "a replacement TaskExecutor" + cli.amLogs(appId));

        ApplicationReport end = YarnApps.waitForEnd(yarn, appId);
        String context = end.getDiagnostics() + cli.amLogs(appId);
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), context);
        assertEquals(1, yarn.getApplicationAttempts(appId).size(), "ApplicationMaster attempts" + context);
        assertTrue(context.contains(victimContainer), "the AM log names the lost container" + context);
        assertEquals(reference(), committedLines(output), context);
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(output, "_SUCCESS")), context);
        assertTrue(YarnApps.removedSoon(fs, YarnApps.stagingDir(fs, appId)), "staging dir removed" + context);
        YarnApps.waitUntil(() -> ContainerProcesses.of(appId).isEmpty(), 30,
                () -> "container processes left: " + ContainerProcesses.of(appId));
    }

    /** "key start end count sum" of every window, from the records alone. */
    private static List<String> reference() {
        Map<String, long[]> windows = new TreeMap<>();
        for (long i = 0; i < RECORDS; i++) {
            long key = i % EventTimeWindowsProgram.KEYS;
            long start = Math.floorDiv(EventTimeWindowsProgram.timestampOf(i), EventTimeWindowsProgram.WINDOW_MILLIS)
                    * EventTimeWindowsProgram.WINDOW_MILLIS;
            long[] r = windows.computeIfAbsent(key + " " + start + " " + (start + EventTimeWindowsProgram.WINDOW_MILLIS),
                    w -> new long[2]);
            r[0]++;
            r[1] += i;
        }
        List<String> lines = new ArrayList<>();
        windows.forEach((w, r) -> lines.add(w + " " + r[0] + " " + r[1]));
        lines.sort(null);
        return lines;
    }

    /** Every committed line of the output (duplicates kept), sorted. */
    private static List<String> committedLines(String output) throws IOException {
        List<String> lines = new ArrayList<>();
        for (FileStatus f : fs.listStatus(new org.apache.hadoop.fs.Path(output))) {
            String file = f.getPath().getName();
            if (file.startsWith("_") || file.startsWith(".")) {
                continue;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            }
        }
        lines.sort(null);
        return lines;
    }
}
