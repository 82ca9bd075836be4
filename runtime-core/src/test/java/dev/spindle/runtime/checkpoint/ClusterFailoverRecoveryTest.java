package dev.spindle.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.minicluster.MiniCluster;
import dev.spindle.runtime.recovery.FileSystemJobRecoveryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an ApplicationMaster failover does, on the distributed runtime in one JVM: a cluster that
 * records its jobs in a recovery store goes away mid-job; a new cluster on the same store resumes
 * the job from its latest checkpoint, and the committed output is exactly the reference.
 */
@Timeout(180)
class ClusterFailoverRecoveryTest {

    @TempDir
    Path tmp;

    private static Configuration cluster() {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        return conf;
    }

    private FileSystemJobRecoveryStore store() throws Exception {
        return new FileSystemJobRecoveryStore(new org.apache.hadoop.fs.Path(tmp.resolve("recovery").toUri()),
                new org.apache.hadoop.conf.Configuration());
    }

    @Test
    void aNewClusterResumesTheJobOfTheLostOneFromItsLatestCheckpoint() throws Exception {
        CheckpointRecoveryTest.GENERATED.set(0);
        Path out = tmp.resolve("out");
        Path checkpoints = tmp.resolve("checkpoints");
        JobGraph job = CheckpointRecoveryTest.job(out, checkpoints, false);
        try (MiniCluster first = new MiniCluster(cluster(), store()).start()) {
            first.getDispatcher().submitJob(job).get();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!CheckpointRecoveryTest.hasCompletedCheckpoint(checkpoints) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(CheckpointRecoveryTest.hasCompletedCheckpoint(checkpoints), "no checkpoint completed");
        } // the first cluster goes away with the job still running: nothing records it as ended
        long generatedByFirst = CheckpointRecoveryTest.GENERATED.get();

        try (MiniCluster second = new MiniCluster(cluster(), store()).start()) {
            assertTrue(second.getDispatcher().tookOver(job.getJobId()), "the second cluster took the job over");
            new DispatcherJobClient(second.getDispatcher(), job.getJobId()).getJobExecutionResult().get(120, TimeUnit.SECONDS);
        }
        assertEquals(CheckpointRecoveryTest.expected(), CheckpointRecoveryTest.committedLines(out));
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        long generatedBySecond = CheckpointRecoveryTest.GENERATED.get() - generatedByFirst;
        assertTrue(generatedBySecond < 24_000, "the sources resumed from the checkpoint's positions instead of starting over: "
                + generatedBySecond + " generated after the takeover");
    }

    @Test
    void aJobThatEndedIsReportedByTheNewClusterAndNotRunAgain() throws Exception {
        Path out = tmp.resolve("out");
        Path checkpoints = tmp.resolve("checkpoints");
        JobGraph job = CheckpointRecoveryTest.job(out, checkpoints, false);
        try (MiniCluster first = new MiniCluster(cluster(), store()).start()) {
            first.getDispatcher().submitJob(job).get();
            new DispatcherJobClient(first.getDispatcher(), job.getJobId()).getJobExecutionResult().get(120, TimeUnit.SECONDS);
        }
        CheckpointRecoveryTest.GENERATED.set(0);
        try (MiniCluster second = new MiniCluster(cluster(), store()).start()) {
            // as main() does in application mode on a later attempt: the same job again
            assertEquals(job.getJobId(), second.getDispatcher().submitJob(job).get());
            JobResult result = second.getDispatcher().requestJobResult(job.getJobId()).get(10, TimeUnit.SECONDS);
            assertEquals(JobStatus.FINISHED, result.status());
            assertEquals("checkpointed counts", result.jobName());
        }
        assertEquals(0, CheckpointRecoveryTest.GENERATED.get(), "the ended job did not run again");
        assertEquals(CheckpointRecoveryTest.expected(), CheckpointRecoveryTest.committedLines(out));
    }

    @Test
    void aJobThatStartsOverNumbersItsCheckpointsAfterThoseAnEarlierAttemptLeft() throws Exception {
        Path out = tmp.resolve("out");
        Path checkpoints = tmp.resolve("checkpoints");
        JobGraph job = CheckpointRecoveryTest.job(out, checkpoints, false);
        // what an attempt killed before it recorded its first checkpoint leaves: chk-1 with task files, no pointer
        Path leftover = checkpoints.resolve(job.getJobId().toString()).resolve("chk-1");
        Files.createDirectories(leftover);
        for (int i = 0; i < 4; i++) {
            Files.writeString(leftover.resolve("stale-" + i), "from the earlier attempt");
        }
        try (MiniCluster cluster = new MiniCluster(cluster(), store()).start()) {
            cluster.getDispatcher().submitJob(job).get();
            JobResult result = cluster.getDispatcher().requestJobResult(job.getJobId()).get(120, TimeUnit.SECONDS);
            assertEquals(JobStatus.FINISHED, result.status(), result.failureCause());
            assertEquals(JobStatus.FINISHED, cluster.getDispatcher().requestJobResult(job.getJobId()).get().status());
        }
        assertEquals(CheckpointRecoveryTest.expected(), CheckpointRecoveryTest.committedLines(out));
    }
}
