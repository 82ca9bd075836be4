package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import dev.spindle.it.programs.CheckpointedCountsProgram;

/**
 * Kill -9 of the JVMs under a keyed, checkpointed streaming job on the mini clusters. The
 * ApplicationMaster: YARN starts attempt 2, which resumes the job from the latest checkpoint that
 * attempt 1 recorded in the staging dir (no ZooKeeper), in application and in per-job mode. A
 * TaskExecutor: the job restarts on a new container from its latest checkpoint. A NameNode restart:
 * the job rides it out (blocked writes, failed checkpoints, restarts) with exact output. Each asserts the
 * final YARN status, that every key's running counts were committed exactly once (none lost, none
 * repeated), and that no staging dir and no container process is left.
 */
@Timeout(300)
class CheckpointedFailoverTest {

    /** About 12 s of paced input: enough for checkpoints before the kill and after the takeover. */
    private static final long RECORDS = 60_000;

    /**
     * TaskExecutors give a silent resource manager this long before they stop: on this shared
     * machine attempt 2 can take longer than the default 50 s to come up.
     */
    private static final String OUTLIVE_THE_AM = "-Dheartbeat.timeout=180s";

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
        programsJar = UserJars.pack(tmp.resolve("programs.jar"), CheckpointedCountsProgram.class);
    }

    private static String qualified(String path) {
        return fs.makeQualified(new org.apache.hadoop.fs.Path(path)).toString();
    }

    private static String[] program(String name) {
        return new String[] {"-c", CheckpointedCountsProgram.class.getName(), programsJar.toString(), qualified("/checkpoints-" + name),
                qualified("/out-" + name), "counts", "DELETE", Long.toString(RECORDS)};
    }

    private static String[] args(String[] head, String[] program) {
        String[] all = new String[head.length + program.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(program, 0, all, head.length, program.length);
        return all;
    }

    @Test
    void applicationModeResumesOnAttemptTwoAfterTheApplicationMasterIsKilled() throws Exception {
        YarnCli.Result submitted = cli.run(args(new String[] {"run-application", "-d", OUTLIVE_THE_AM}, program("am-app")));
        assertEquals(0, submitted.exitCode(), submitted.toString());
        ApplicationId appId = ApplicationModeLifecycleTest.applicationIdIn(submitted.out());
        List<String> taskExecutors = killApplicationMasterAfterACheckpoint(appId, "am-app");
        assertResumedWithExactOutput(appId, "am-app", 2);
        assertKeptAcrossTheAttempts(appId, taskExecutors);
    }

    @Test
    void perJobModeResumesOnAttemptTwoAfterTheApplicationMasterIsKilled() throws Exception {
        YarnCli.Result submitted = cli.run(args(new String[] {"run", "-t", "yarn-per-job", "-d", OUTLIVE_THE_AM}, program("am-perjob")));
        assertEquals(0, submitted.exitCode(), submitted.toString());
        Matcher m = Pattern.compile("(application_\\d+_\\d+)").matcher(submitted.out());
        assertTrue(m.find(), submitted.out());
        ApplicationId appId = ApplicationId.fromString(m.group(1));
        List<String> taskExecutors = killApplicationMasterAfterACheckpoint(appId, "am-perjob");
        assertResumedWithExactOutput(appId, "am-perjob", 2);
        assertKeptAcrossTheAttempts(appId, taskExecutors);
    }

    @Test
    void aSessionResumesItsRunningJobOnAttemptTwoAfterTheApplicationMasterIsKilled() throws Exception {
        String properties = "-Dyarn.properties-file.location=" + tmp.resolve("session-props");
        YarnCli.Result started = cli.session("-d", "-nm", "it-failover", properties, OUTLIVE_THE_AM);
        assertEquals(0, started.exitCode(), started.toString());
        Matcher m = Pattern.compile("Spindle session (application_\\d+_\\d+) is running").matcher(started.out());
        assertTrue(m.find(), started.out());
        ApplicationId session = ApplicationId.fromString(m.group(1));
        try {
            YarnCli.Result submitted = cli.run(args(new String[] {"run", "-d", properties}, program("am-session")));
            assertEquals(0, submitted.exitCode(), submitted.toString());
            Matcher job = Pattern.compile("submitted with JobID ([0-9a-f]{32})").matcher(submitted.out());
            assertTrue(job.find(), submitted.out());
            List<String> taskExecutors = killApplicationMasterAfterACheckpoint(session, "am-session");

            org.apache.hadoop.fs.Path success = new org.apache.hadoop.fs.Path(qualified("/out-am-session"), "_SUCCESS");
            YarnApps.waitUntil(() -> exists(success), 150, () -> "the resumed job's end" + cli.amLogs(session));
            assertEquals(2, yarn.getApplicationAttempts(session).size(), "ApplicationMaster attempts");
            assertEquals(expectedCounts(), committedCounts("/out-am-session"), cli.amLogs(session));
            YarnCli.Result listed = cli.run("list", properties);
            assertEquals(0, listed.exitCode(), listed.toString());
            assertTrue(listed.out().contains(job.group(1)) && listed.out().contains("FINISHED"),
                    "the new attempt lists the resumed job as finished: " + listed.out());
            assertKeptAcrossTheAttempts(session, taskExecutors);
        } finally {
            yarn.killApplication(session);
        }
    }

    private static boolean exists(org.apache.hadoop.fs.Path path) {
        try {
            return fs.exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aKilledTaskExecutorIsReplacedAndTheJobResumesFromItsLatestCheckpoint() throws Exception {
        YarnCli.Result submitted = cli.run(args(new String[] {"run-application", "-d"}, program("te")));
        assertEquals(0, submitted.exitCode(), submitted.toString());
        ApplicationId appId = ApplicationModeLifecycleTest.applicationIdIn(submitted.out());
        awaitCheckpoint(appId, "te");
        List<ProcessHandle> taskExecutors = ContainerProcesses.taskExecutors(appId);
        assertEquals(1, taskExecutors.size(), taskExecutors.toString());
        String victim = ContainerProcesses.containerIdOf(taskExecutors.get(0));
        assertTrue(taskExecutors.get(0).destroyForcibly(), "kill -9 of " + victim);
        YarnApps.waitUntil(() -> ContainerProcesses.taskExecutors(appId).stream().map(ContainerProcesses::containerIdOf)
                .anyMatch(c -> !c.equals(victim)), 90, () -> "a replacement TaskExecutor" + cli.amLogs(appId));
        assertResumedWithExactOutput(appId, "te", 1);
        assertTrue(cli.containerLogText(appId, "jobmanager.log").contains(victim), "the AM log names the lost container" + cli.amLogs(appId));
    }

    @Test
    void aNameNodeRestartMidJobIsRiddenOutThroughTheRestartStrategyWithExactOutput() throws Exception {
        YarnCli.Result submitted = cli.run(args(new String[] {"run-application", "-d", "-Drestart-strategy.type=fixed-delay",
                "-Drestart-strategy.fixed-delay.attempts=30", "-Drestart-strategy.fixed-delay.delay=2s"}, program("nn")));
        assertEquals(0, submitted.exitCode(), submitted.toString());
        ApplicationId appId = ApplicationModeLifecycleTest.applicationIdIn(submitted.out());
        awaitCheckpoint(appId, "nn");
        // Checkpoints, the recovery store and the two-phase-commit sink all write to HDFS while it is gone: a failed
        // checkpoint or task fails the job over, and the restart strategy carries it until HDFS is back.
        CLUSTER.cluster().restartNameNode(java.time.Duration.ofSeconds(8));
        assertResumedWithExactOutput(appId, "nn", 1);
    }

    /**
     * The TaskExecutors that ran before the kill register with attempt 2 (YARN kept their containers
     * and they found the new attempt in the staging dir); attempt 2 starts no container of its own.
     */
    private static void assertKeptAcrossTheAttempts(ApplicationId appId, List<String> taskExecutors) throws IOException {
        StringBuilder second = new StringBuilder();
        for (java.nio.file.Path log : cli.containerLogs(appId, "jobmanager.log")) {
            if (log.toString().contains("_02_000001")) {
                second.append(java.nio.file.Files.readString(log));
            }
        }
        assertTrue(second.length() > 0, "no log of attempt 2" + cli.amLogs(appId));
        for (String te : taskExecutors) {
            assertTrue(second.toString().contains("TaskExecutor " + te + " registered"), te + " kept across the attempts\n" + second);
        }
        assertFalse(second.toString().contains("Allocated TaskExecutor container"), "attempt 2 needed no container of its own\n"
                + second);
    }

    /** Returns the TaskExecutor containers running when the AM was killed. */
    private static List<String> killApplicationMasterAfterACheckpoint(ApplicationId appId, String name) throws Exception {
        awaitCheckpoint(appId, name);
        // A checkpoint counts for a later attempt once the AM recorded it in the staging dir (right after its _metadata).
        org.apache.hadoop.fs.Path recovery = new org.apache.hadoop.fs.Path(YarnApps.stagingDir(fs, appId), "recovery");
        YarnApps.waitUntil(() -> hasFile(recovery, "checkpoint-"), 60, () -> "a checkpoint recorded under " + recovery + cli.amLogs(appId));
        ProcessHandle am = ContainerProcesses.of(appId).stream()
                .filter(p -> ContainerProcesses.containerIdOf(p).endsWith("_01_000001")).findFirst()
                .orElseThrow(() -> new AssertionError("no ApplicationMaster process of " + appId));
        List<String> taskExecutors = ContainerProcesses.taskExecutors(appId).stream().map(ContainerProcesses::containerIdOf).toList();
        assertTrue(am.destroyForcibly(), "kill -9 of the ApplicationMaster of " + appId);
        return taskExecutors;
    }

    private static void awaitCheckpoint(ApplicationId appId, String name) throws Exception {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(qualified("/checkpoints-" + name));
        YarnApps.waitUntil(() -> hasMetadata(dir), 90, () -> "a completed checkpoint under " + dir + cli.amLogs(appId));
    }

    private static boolean hasMetadata(org.apache.hadoop.fs.Path dir) {
        return hasFile(dir, "_metadata");
    }

    /** Whether a file whose name starts with {@code prefix} is somewhere under {@code dir}. */
    private static boolean hasFile(org.apache.hadoop.fs.Path dir, String prefix) {
        return YarnApps.hasFile(fs, dir, prefix);
    }

    private static void assertResumedWithExactOutput(ApplicationId appId, String name, int attempts) throws Exception {
        ApplicationReport end = YarnApps.waitForEnd(yarn, appId);
        String context = end.getDiagnostics() + cli.amLogs(appId);
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), context);
        assertEquals(attempts, yarn.getApplicationAttempts(appId).size(), "ApplicationMaster attempts" + context);
        assertEquals(expectedCounts(), committedCounts("/out-" + name), context);
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(qualified("/out-" + name), "_SUCCESS")), context);
        assertTrue(YarnApps.removedSoon(fs, YarnApps.stagingDir(fs, appId)), "staging dir removed" + context);
        YarnApps.waitUntil(() -> ContainerProcesses.of(appId).isEmpty(), 30,
                () -> "container processes left: " + ContainerProcesses.of(appId));
    }

    /** Every running count of every key, once: what the job emits when nothing is lost or repeated. */
    private static Map<Long, List<Long>> expectedCounts() {
        Map<Long, List<Long>> counts = new TreeMap<>();
        for (long key = 0; key < CheckpointedCountsProgram.KEYS; key++) {
            long total = RECORDS / CheckpointedCountsProgram.KEYS + (key < RECORDS % CheckpointedCountsProgram.KEYS ? 1 : 0);
            List<Long> run = new ArrayList<>();
            for (long c = 1; c <= total; c++) {
                run.add(c);
            }
            counts.put(key, run);
        }
        return counts;
    }

    private static Map<Long, List<Long>> committedCounts(String out) throws IOException {
        Map<Long, List<Long>> counts = new TreeMap<>();
        for (FileStatus f : fs.listStatus(new org.apache.hadoop.fs.Path(qualified(out)))) {
            String file = f.getPath().getName();
            if (file.startsWith("_") || file.startsWith(".")) {
                continue;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] kv = line.substring(1, line.length() - 1).split(",");
                    counts.computeIfAbsent(Long.parseLong(kv[0]), k -> new ArrayList<>()).add(Long.parseLong(kv[1]));
                }
            }
        }
        counts.values().forEach(l -> l.sort(null));
        return counts;
    }
}
