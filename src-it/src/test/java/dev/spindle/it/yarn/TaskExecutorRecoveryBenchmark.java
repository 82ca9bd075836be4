package dev.spindle.it.yarn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.client.api.YarnClient;

import dev.spindle.it.programs.CheckpointedCountsProgram;
import dev.spindle.localcluster.LocalYarnCluster;

/**
 * Benchmark (a program, not a test): how long a checkpointed streaming job on YARN takes to run
 * again after {@code kill -9} of its TaskExecutor container. Code path: the AM's container-completed
 * callback, the job's restart strategy (fixed delay, 1 s by default with checkpointing on), a new
 * container requested and started, tasks restored from the latest checkpoint on HDFS. For each kill
 * it prints the time from the kill to the replacement TaskExecutor JVM running and to the first
 * checkpoint completed after the kill (the job processes records and barriers again); then medians.
 * One application-mode job on the embedded HDFS + YARN cluster; args: [kills, default 3].
 *
 * <p>Run as {@link DeploymentLatencyBenchmark} says, with class {@code dev.spindle.it.yarn.TaskExecutorRecoveryBenchmark}.
 */
public final class TaskExecutorRecoveryBenchmark {

    private TaskExecutorRecoveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path base = Files.createTempDirectory("spindle-te-recovery-bench");
        try (LocalYarnCluster cluster = new LocalYarnCluster(base.resolve("cluster"), "bench", 2, null).start(Duration.ofSeconds(120));
                YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(cluster.getClientConfiguration());
            yarn.start();
            FileSystem fs = cluster.getFileSystem();
            YarnCli cli = new YarnCli(cluster, base.resolve("no-local-cluster"));
            Path jar = UserJars.pack(base.resolve("programs.jar"), CheckpointedCountsProgram.class);
            String checkpoints = fs.makeQualified(new org.apache.hadoop.fs.Path("/bench-checkpoints")).toString();
            String out = fs.makeQualified(new org.apache.hadoop.fs.Path("/bench-out")).toString();
            YarnCli.Result submitted = cli.run("run-application", "-d", "-c", CheckpointedCountsProgram.class.getName(),
                    jar.toString(), checkpoints, out, "counts", "DELETE", Long.toString(1_000_000));
            if (submitted.exitCode() != 0) {
                throw new IllegalStateException("submission failed: " + submitted);
            }
            Matcher m = Pattern.compile("(application_\\d+_\\d+)").matcher(submitted.out());
            if (!m.find()) {
                throw new IllegalStateException("no application id in " + submitted.out());
            }
            ApplicationId appId = ApplicationId.fromString(m.group(1));
            org.apache.hadoop.fs.Path chkRoot = new org.apache.hadoop.fs.Path(checkpoints);
            List<Long> toJvm = new ArrayList<>();
            List<Long> toCheckpoint = new ArrayList<>();
            try {
                for (int i = 1; i <= kills; i++) {
                    long before = awaitCheckpointAfter(fs, chkRoot, 0, 120);
                    List<ProcessHandle> tes = ContainerProcesses.taskExecutors(appId);
                    if (tes.size() != 1) {
                        throw new IllegalStateException("expected one TaskExecutor JVM, found " + tes.size());
                    }
                    String victim = ContainerProcesses.containerIdOf(tes.get(0));
                    long killed = System.nanoTime();
                    tes.get(0).destroyForcibly();
                    YarnApps.waitUntil(() -> ContainerProcesses.taskExecutors(appId).stream().map(ContainerProcesses::containerIdOf)
                            .anyMatch(c -> !c.equals(victim)), 120, () -> "a replacement TaskExecutor");
                    long jvm = (System.nanoTime() - killed) / 1_000_000;
                    long after = awaitCheckpointAfter(fs, chkRoot, before, 120);
                    long running = (System.nanoTime() - killed) / 1_000_000;
                    toJvm.add(jvm);
                    toCheckpoint.add(running);
                    System.out.printf("kill %d of %s: replacement TaskExecutor JVM after %d ms, checkpoint %d (first after the kill) after %d ms%n",
                            i, victim, jvm, after, running);
                }
            } finally {
                yarn.killApplication(appId);
            }
            System.out.printf("median over %d kills: kill -9 -> replacement TaskExecutor JVM %d ms, -> job running again"
                    + " (first checkpoint completed after the kill) %d ms%n", kills, median(toJvm), median(toCheckpoint));
        }
    }

    /** Waits for a completed checkpoint with an id above {@code after}; returns its id. */
    private static long awaitCheckpointAfter(FileSystem fs, org.apache.hadoop.fs.Path root, long after, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            long highest;
            try {
                highest = highestCompleted(fs, root);
            } catch (java.io.FileNotFoundException subsumed) {
                continue; // an older checkpoint was removed during the listing
            }
            if (highest > after) {
                return highest;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no checkpoint after " + after + " within " + seconds + " s");
    }

    private static long highestCompleted(FileSystem fs, org.apache.hadoop.fs.Path root) throws Exception {
        long highest = 0;
        if (!fs.exists(root)) {
            return 0;
        }
        for (FileStatus job : fs.listStatus(root)) {
            for (FileStatus chk : fs.listStatus(job.getPath(), p -> p.getName().startsWith("chk-"))) {
                if (fs.exists(new org.apache.hadoop.fs.Path(chk.getPath(), "_metadata"))) {
                    highest = Math.max(highest, Long.parseLong(chk.getPath().getName().substring(4)));
                }
            }
        }
        return highest;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
