package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
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
import dev.spindle.it.programs.CheckpointedCountsProgram;

/**
 * Savepoints and retained checkpoints through the real CLI on the HDFS + YARN mini cluster, all in
 * one session (one mini cluster for the class): savepoint, cancel and {@code run -s} carry the keyed
 * counts on; a savepoint whose state no operator claims is refused naming the uid unless {@code -n};
 * a missing savepoint fails on the client; a checkpoint retained on cancel restores with {@code -s};
 * unwritable checkpoint storage fails the job over after the tolerable number, and fails it with that
 * reason once the restart strategy gives up. In
 * application mode: a task that throws once recovers with exact output, and savepoint, cancel and
 * {@code run-application -s} carry the counts on.
 */
@Timeout(200)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SavepointRestoreOnYarnTest {

    private static final long RECORDS = 40_000;

    @RegisterExtension
    static final LocalYarnClusterExtension CLUSTER = new LocalYarnClusterExtension();

    @TempDir
    static Path tmp;

    private static YarnClient yarn;
    private static FileSystem fs;
    private static YarnCli cli;
    private static Path programsJar;
    private static String properties;
    private static ApplicationId session;
    private static String savepoint;

    @BeforeAll
    static void setUp() throws Exception {
        yarn = CLUSTER.yarnClient();
        fs = CLUSTER.cluster().getFileSystem();
        cli = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"));
        programsJar = UserJars.pack(tmp.resolve("programs.jar"), CheckpointedCountsProgram.class);
        properties = "-Dyarn.properties-file.location=" + tmp.resolve("props");
        YarnCli.Result r = cli.session("-d", "-nm", "it-checkpoints", "-s", "2", properties);
        assertEquals(0, r.exitCode(), r.toString());
        Matcher m = Pattern.compile("Spindle session (application_\\d+_\\d+) is running").matcher(r.out());
        assertTrue(m.find(), r.out());
        session = ApplicationId.fromString(m.group(1));
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (session != null) {
            yarn.killApplication(session);
        }
    }

    private static String qualified(String path) {
        return fs.makeQualified(new org.apache.hadoop.fs.Path(path)).toString();
    }

    private static String[] program(String out, String uid, String retention) {
        return new String[] {"-c", CheckpointedCountsProgram.class.getName(), programsJar.toString(), qualified("/checkpoints"),
                qualified(out), uid, retention, Long.toString(RECORDS)};
    }

    private static YarnCli.Result run(String[] flags, String[] program) {
        String[] args = new String[1 + flags.length + program.length + 1];
        args[0] = "run";
        System.arraycopy(flags, 0, args, 1, flags.length);
        args[1 + flags.length] = properties;
        System.arraycopy(program, 0, args, 2 + flags.length, program.length);
        return cli.run(args);
    }

    private static String jobIdIn(String out) {
        Matcher m = Pattern.compile("submitted with JobID ([0-9a-f]{32})").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }

    /** Waits (bounded) until the job has a completed checkpoint: its _metadata on HDFS and the job master counting it. */
    private static void awaitCheckpoint(String jobId) throws Exception {
        awaitCheckpoint(jobId, properties);
    }

    /** {@code cluster}: the CLI arguments that name the job's cluster for {@code info}. */
    private static void awaitCheckpoint(String jobId, String... cluster) throws Exception {
        String[] info = new String[cluster.length + 2];
        info[0] = "info";
        System.arraycopy(cluster, 0, info, 1, cluster.length);
        info[info.length - 1] = jobId;
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(qualified("/checkpoints/" + jobId));
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (fs.exists(dir)) {
                for (FileStatus chk : fs.listStatus(dir)) {
                    if (fs.exists(new org.apache.hadoop.fs.Path(chk.getPath(), "_metadata"))
                            && cli.run(info).out().contains("latest: checkpoint ")) {
                        // _metadata is written first; the job master counts the checkpoint complete a moment
                        // later (after recording it for a later attempt), and only then does a cancel retain it
                        return;
                    }
                }
            }
            Thread.sleep(100); // HDFS offers no cheap notification
        }
        throw new AssertionError("job " + jobId + " completed no checkpoint on HDFS within 60 s\n" + cli.amLogs(session));
    }

    /** Each key's committed counts must run from above 1 (restored state) to its total, without gap or repeat. */
    private static void assertCountsContinue(String out) throws Exception {
        Map<Long, long[]> minMax = new TreeMap<>();
        Map<Long, Integer> lines = new HashMap<>();
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(qualified(out));
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(dir, "_SUCCESS")), "no _SUCCESS in " + out);
        for (FileStatus f : fs.listStatus(dir)) {
            String name = f.getPath().getName();
            if (name.startsWith("_") || name.startsWith(".")) {
                continue;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] kv = line.substring(1, line.length() - 1).split(",");
                    long key = Long.parseLong(kv[0]);
                    long count = Long.parseLong(kv[1]);
                    long[] mm = minMax.computeIfAbsent(key, k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                    mm[0] = Math.min(mm[0], count);
                    mm[1] = Math.max(mm[1], count);
                    lines.merge(key, 1, Integer::sum);
                }
            }
        }
        assertEquals(CheckpointedCountsProgram.KEYS, minMax.size(), minMax.keySet().toString());
        for (Map.Entry<Long, long[]> e : minMax.entrySet()) {
            long total = RECORDS / CheckpointedCountsProgram.KEYS + (e.getKey() < RECORDS % CheckpointedCountsProgram.KEYS ? 1 : 0);
            long[] mm = e.getValue();
            assertTrue(mm[0] > 1, "key " + e.getKey() + " counted from " + mm[0] + ": its state was not restored");
            assertEquals(total, mm[1], "key " + e.getKey());
            assertEquals(mm[1] - mm[0] + 1, (long) lines.get(e.getKey()), "counts of key " + e.getKey() + " have gaps or repeats");
        }
    }

    @Test
    @Order(1)
    void savepointThenCancelThenRunFromItCarriesTheCountsOn() throws Exception {
        YarnCli.Result first = run(new String[] {"-d"}, program("/out-first", "counts", "DELETE"));
        assertEquals(0, first.exitCode(), first.toString());
        String jobId = jobIdIn(first.out());
        awaitCheckpoint(jobId);

        YarnCli.Result info = cli.run("info", properties, jobId);
        assertEquals(0, info.exitCode(), info.toString());
        assertTrue(info.out().contains("Checkpoints: ") && info.out().contains("latest: checkpoint "), info.out());

        YarnCli.Result sp = cli.run("savepoint", properties, jobId, qualified("/savepoints"));
        assertEquals(0, sp.exitCode(), sp + cli.amLogs(session));
        Matcher m = Pattern.compile("Savepoint of job " + jobId + " written to (\\S+)").matcher(sp.out());
        assertTrue(m.find(), sp.out());
        savepoint = m.group(1);
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(savepoint, "_metadata")), savepoint);

        YarnCli.Result cancel = cli.run("cancel", properties, jobId);
        assertEquals(0, cancel.exitCode(), cancel.toString());

        // attached: the restored job runs to its end, printing its checkpoints as they complete
        YarnCli.Result restored = run(new String[] {"-s", savepoint}, program("/out-restored", "counts", "DELETE"));
        assertEquals(0, restored.exitCode(), restored + cli.amLogs(session));
        assertCountsContinue("/out-restored");
    }

    @Test
    @Order(2)
    void unclaimedStateIsRefusedNamingTheUidAndRunsWithAllowNonRestoredState() throws Exception {
        YarnCli.Result refused = run(new String[] {"-s", savepoint}, program("/out-renamed", "counts-v2", "DELETE"));
        assertNotEquals(0, refused.exitCode(), refused.toString());
        assertTrue((refused.out() + refused.err()).contains("[counts]"), refused.toString());

        YarnCli.Result allowed = run(new String[] {"-s", savepoint, "-n"}, program("/out-allowed", "counts-v2", "DELETE"));
        assertEquals(0, allowed.exitCode(), allowed + cli.amLogs(session));
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(qualified("/out-allowed"), "_SUCCESS")));
    }

    @Test
    @Order(2)
    void aMissingSavepointFailsOnTheClientNamingThePath() {
        YarnCli.Result missing = run(new String[] {"-s", "/no/such/savepoint"}, program("/out-missing", "counts", "DELETE"));
        assertNotEquals(0, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("/no/such/savepoint") && missing.err().contains("does not exist"), missing.toString());
        assertTrue(missing.err().contains("Nothing was deployed"), missing.toString());
    }

    @Test
    @Order(3)
    void aCheckpointRetainedOnCancelRestoresWithFromSavepoint() throws Exception {
        YarnCli.Result first = run(new String[] {"-d"}, program("/out-retain-first", "counts", "RETAIN"));
        assertEquals(0, first.exitCode(), first.toString());
        String jobId = jobIdIn(first.out());
        awaitCheckpoint(jobId);
        YarnCli.Result cancel = cli.run("cancel", properties, jobId);
        assertEquals(0, cancel.exitCode(), cancel.toString());
        Matcher m = Pattern.compile("retained \\(RETAIN_ON_CANCELLATION\\) at (\\S+?);").matcher(cancel.out());
        assertTrue(m.find(), cancel.out());
        String retained = m.group(1);

        YarnCli.Result restored = run(new String[] {"-s", retained}, program("/out-retain-restored", "counts", "RETAIN"));
        assertEquals(0, restored.exitCode(), restored + cli.amLogs(session));
        assertCountsContinue("/out-retain-restored");
    }

    @Test
    @Order(4)
    void unwritableCheckpointStorageFailsTheJobOverAfterTheTolerableNumberUntilTheRestartStrategyGivesUp() throws Exception {
        // a regular file where the checkpoint directory should be: no task can write its state under it
        fs.create(new org.apache.hadoop.fs.Path(qualified("/not-a-directory"))).close();
        String[] p = program("/out-unwritable", "counts", "DELETE");
        p[3] = qualified("/not-a-directory");
        // one restart, as the restart strategy allows, then the job fails with the reason
        YarnCli.Result failed = run(new String[] {"-Dexecution.checkpointing.tolerable-failed-checkpoints=1",
                "-Drestart-strategy.type=fixed-delay", "-Drestart-strategy.fixed-delay.attempts=1", "-Drestart-strategy.fixed-delay.delay=1s"}, p);
        assertNotEquals(0, failed.exitCode(), failed.toString());
        String all = failed.out() + failed.err();
        assertTrue(all.contains("tolerable number of failed checkpoints (1"), failed.toString());
        assertTrue(all.contains("could not write its state"), failed.toString());
    }

    private static String applicationIn(String out) {
        Matcher m = Pattern.compile("Application (application_\\d+_\\d+) submitted").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }

    private static String[] application(String[] flags, String[] program) {
        String[] args = new String[1 + flags.length + program.length];
        args[0] = "run-application";
        System.arraycopy(flags, 0, args, 1, flags.length);
        System.arraycopy(program, 0, args, 1 + flags.length, program.length);
        return args;
    }

    /** The mini cluster's queue admits one AM at a time (its AM resource limit): the session must end first. */
    private static void endSession() throws Exception {
        if (session == null) {
            return;
        }
        yarn.killApplication(session);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            switch (yarn.getApplicationReport(session).getYarnApplicationState()) {
                case FINISHED, FAILED, KILLED -> {
                    session = null;
                    return;
                }
                default -> Thread.sleep(200); // YARN reports have no change notification
            }
        }
        throw new AssertionError("session " + session + " did not end within 60 s of its kill");
    }

    @Test
    @Order(5)
    void inApplicationModeATaskThatThrowsOnceRecoversWithExactOutput() throws Exception {
        endSession();
        String[] p = java.util.Arrays.copyOf(program("/out-app-recovered", "counts", "DELETE"), 9);
        p[8] = qualified("/fail-once-marker");
        YarnCli.Result r = cli.run(application(new String[0], p));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(p[8])), "the task never threw");
        // every key counts 1..total exactly once: nothing lost, nothing duplicated across the restart
        Map<Long, java.util.List<Long>> counts = new TreeMap<>();
        for (FileStatus f : fs.listStatus(new org.apache.hadoop.fs.Path(qualified("/out-app-recovered")))) {
            if (f.getPath().getName().startsWith("_") || f.getPath().getName().startsWith(".")) {
                continue;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] kv = line.substring(1, line.length() - 1).split(",");
                    counts.computeIfAbsent(Long.parseLong(kv[0]), k -> new java.util.ArrayList<>()).add(Long.parseLong(kv[1]));
                }
            }
        }
        assertEquals(CheckpointedCountsProgram.KEYS, counts.size());
        for (Map.Entry<Long, java.util.List<Long>> e : counts.entrySet()) {
            long total = RECORDS / CheckpointedCountsProgram.KEYS + (e.getKey() < RECORDS % CheckpointedCountsProgram.KEYS ? 1 : 0);
            java.util.List<Long> sorted = new java.util.ArrayList<>(e.getValue());
            java.util.Collections.sort(sorted);
            assertEquals(java.util.stream.LongStream.rangeClosed(1, total).boxed().toList(), sorted, "key " + e.getKey());
        }
    }

    @Test
    @Order(6)
    void inApplicationModeSavepointCancelAndRunApplicationFromItCarryTheCountsOn() throws Exception {
        YarnCli.Result first = cli.run(application(new String[] {"-d"}, program("/out-app-first", "counts", "DELETE")));
        assertEquals(0, first.exitCode(), first.toString());
        String app = applicationIn(first.out() + first.err());
        String jobId = null;
        long deadline = System.currentTimeMillis() + 60_000;
        while (jobId == null && System.currentTimeMillis() < deadline) {
            YarnCli.Result list = cli.run("list", "-t", "yarn-application", "-id", app);
            Matcher m = Pattern.compile(" : ([0-9a-f]{32}) : ").matcher(list.out());
            if (m.find()) {
                jobId = m.group(1);
            } else {
                Thread.sleep(200); // the AM runs main() before its job is listed
            }
        }
        assertTrue(jobId != null, "no job listed in " + app);
        awaitCheckpoint(jobId, "-t", "yarn-application", "-id", app);
        YarnCli.Result sp = cli.run("savepoint", "-t", "yarn-application", "-id", app, jobId, qualified("/app-savepoints"));
        assertEquals(0, sp.exitCode(), sp.toString());
        Matcher m = Pattern.compile("written to (\\S+)").matcher(sp.out());
        assertTrue(m.find(), sp.out());
        YarnCli.Result cancel = cli.run("cancel", "-t", "yarn-application", "-id", app, jobId);
        assertEquals(0, cancel.exitCode(), cancel.toString());

        YarnCli.Result restored = cli.run(application(new String[] {"-s", m.group(1)}, program("/out-app-restored", "counts", "DELETE")));
        assertEquals(0, restored.exitCode(), restored.toString());
        assertCountsContinue("/out-app-restored");
    }
}
