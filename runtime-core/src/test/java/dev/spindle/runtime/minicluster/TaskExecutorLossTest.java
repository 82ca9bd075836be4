package dev.spindle.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobExecutionException;
import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.taskexecutor.TaskExecutor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class TaskExecutorLossTest {

    @Test
    void aTaskExecutorThatStopsAnsweringFailsTheJobsTasksWithinTheHeartbeatTimeout() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        conf.setString("heartbeat.interval", "100 ms");
        conf.setString("heartbeat.timeout", "1 s");
        // FORWARD: no data stream crosses TaskExecutors, so only the heartbeat timeout can notice the loss
        JobGraph job = TestJobs.sourceToSink("endless", 4, 4, ShipStrategy.FORWARD, "unbounded=true", "", new Configuration());
        try (MiniCluster cluster = new MiniCluster(conf).start()) {
            cluster.getDispatcher().submitJob(job).get();
            MiniClusterTest.waitUntil(() -> cluster.getDispatcher().requestJobDetails(job.getJobId()).get().vertices().stream()
                    .allMatch(v -> v.status().equals("RUNNING")), 20_000);
            TaskExecutor victim = cluster.getTaskExecutors().get(0);

            long killedAt = System.currentTimeMillis();
            cluster.killTaskExecutor(victim.getResourceId());
            ExecutionException e = assertThrows(ExecutionException.class, () -> new DispatcherJobClient(cluster.getDispatcher(),
                    job.getJobId()).getJobExecutionResult().get(30, TimeUnit.SECONDS));
            long detectedAfter = System.currentTimeMillis() - killedAt;

            JobExecutionException jee = assertInstanceOf(JobExecutionException.class, e.getCause());
            assertEquals(JobStatus.FAILED, jee.getFinalStatus());
            assertTrue(jee.getMessage().contains("TaskExecutor " + victim.getResourceId()) && jee.getMessage().contains("no heartbeat"),
                    jee.getMessage());
            // timeout 1 s, checked every 250 ms; the rest is cancel and bookkeeping
            // silence counts from the last heartbeat, at most one interval (100 ms) before the kill
            assertTrue(detectedAfter >= 1_000 - 100, "failed after " + detectedAfter + " ms: something other than the heartbeat timeout noticed");
            assertTrue(detectedAfter < 6_000, "job failed only " + detectedAfter + " ms after the TaskExecutor died");
            // the resource manager forgets the lost TaskExecutor too
            MiniClusterTest.waitUntil(() -> cluster.getResourceManager().listTaskExecutors().get().stream()
                    .noneMatch(t -> t.id().equals(victim.getResourceId().id())), 10_000);
        }
    }

    @Test
    void withRestartsAJobRecoversFromALostTaskExecutorOnAFreshWorker() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        conf.setString("heartbeat.interval", "100 ms");
        conf.setString("heartbeat.timeout", "1 s");
        Configuration jobConf = new Configuration();
        jobConf.setString("restart-strategy.type", "fixed-delay");
        jobConf.setString("restart-strategy.fixed-delay.attempts", "1");
        jobConf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        long n = 12_800;
        // 100 buffers per sink at 20 ms each: about 2 s per attempt, long enough to lose a TaskExecutor mid-way
        JobGraph job = TestJobs.sourceToSink("survivor", 2, 2, ShipStrategy.FORWARD, "n=" + n, "sleepMs=20", jobConf);
        try (MiniCluster cluster = new MiniCluster(conf).start()) {
            cluster.getDispatcher().submitJob(job).get();
            MiniClusterTest.waitUntil(() -> cluster.getDispatcher().requestJobDetails(job.getJobId()).get().vertices().stream()
                    .allMatch(v -> v.status().equals("RUNNING") || v.status().equals("FINISHED")), 20_000);
            TaskExecutor victim = cluster.getTaskExecutors().get(0);
            cluster.killTaskExecutor(victim.getResourceId());

            var result = new DispatcherJobClient(cluster.getDispatcher(), job.getJobId()).getJobExecutionResult().get(30, TimeUnit.SECONDS);
            assertEquals(TestJobs.expectedSum(n), (Long) result.getAccumulatorResult("sum"));
            var details = cluster.getDispatcher().requestJobDetails(job.getJobId()).get();
            assertEquals(1, details.vertices().get(1).subtasks().get(0).attempt());
            assertTrue(cluster.getTaskExecutors().stream().noneMatch(t -> t.getResourceId().equals(victim.getResourceId())));
        }
    }
}
