package dev.spindle.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.recovery.JobRecoveryStore;
import dev.spindle.runtime.rpc.proto.TaskExecutorServiceGrpc;
import dev.spindle.runtime.taskexecutor.TaskExecutor;
import dev.spindle.runtime.testing.MessageFaults;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A deployment whose answer never comes back (its deadline passed after the TaskExecutor started
 * the task) fails the job over; the task it started must not keep running unseen beside the next attempt.
 */
@Timeout(90)
class LostDeploymentAnswerTest {

    @Test
    void aTaskWhoseDeploymentAnswerWasLostIsCanceledWhenTheJobFailsOver() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        MessageFaults faults = new MessageFaults().loseAnswer(TaskExecutorServiceGrpc.getSubmitTaskMethod(),
                r -> r.getAttempt() == 0 && r.getSubtask() == 0);
        Configuration jobConf = new Configuration();
        jobConf.setString("restart-strategy.type", "fixed-delay");
        jobConf.setString("restart-strategy.fixed-delay.attempts", "1");
        jobConf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        JobGraph job = TestJobs.sourceToSink("lost-deployment-answer", 2, 2, ShipStrategy.REBALANCE, "unbounded=true", "", jobConf);
        try (MiniCluster cluster = new MiniCluster(conf, JobRecoveryStore.none(), null, faults).start()) {
            cluster.getDispatcher().submitJob(job).get();
            MiniClusterTest.waitUntil(() -> cluster.getDispatcher().requestJobDetails(job.getJobId()).get().vertices().stream()
                    .allMatch(v -> v.subtasks().stream().allMatch(s -> s.attempt() == 1 && s.status().equals("RUNNING"))), 60_000);
            assertTrue(faults.dropped(TaskExecutorServiceGrpc.getSubmitTaskMethod()) >= 2, "both subtask-0 answers of attempt 0 lost");

            MiniClusterTest.waitUntil(() -> liveTasks(cluster).stream().noneMatch(t -> t.contains(" attempt 0 ")), 30_000);
            List<String> live = liveTasks(cluster);
            assertEquals(4, live.size(), "attempt 1's four tasks, and nothing of attempt 0: " + live);
            assertEquals(JobStatus.RUNNING, cluster.getDispatcher().requestJobDetails(job.getJobId()).get().summary().status());
            cluster.getDispatcher().cancelJob(job.getJobId()).get();
        }
    }

    private static List<String> liveTasks(MiniCluster cluster) {
        List<String> live = new ArrayList<>();
        for (TaskExecutor te : cluster.getTaskExecutors()) {
            live.addAll(te.describeLiveTasks());
        }
        return live;
    }
}
