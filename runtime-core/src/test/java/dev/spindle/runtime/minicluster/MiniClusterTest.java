package dev.spindle.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spindle.api.JobClient;
import dev.spindle.api.JobExecutionException;
import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.rpc.RemoteFailure;
import dev.spindle.runtime.taskexecutor.TaskExecutor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class MiniClusterTest {

    private static Configuration twoTaskExecutorsWithTwoSlots() {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        return conf;
    }

    @Test
    void dataCrossesTaskExecutorsAtParallelismFourOverLocalAndRemoteChannels() throws Exception {
        long n = 200_000;
        try (MiniCluster cluster = new MiniCluster(twoTaskExecutorsWithTwoSlots()).start()) {
            JobGraph job = TestJobs.sourceToSink("sum", 4, 4, ShipStrategy.REBALANCE, "n=" + n, "", new Configuration());
            cluster.getDispatcher().submitJob(job).get();
            JobExecutionResult result = new DispatcherJobClient(cluster.getDispatcher(), job.getJobId())
                    .getJobExecutionResult().get(30, TimeUnit.SECONDS);

            assertEquals(TestJobs.expectedSum(n), (Long) result.getAccumulatorResult("sum"));
            assertEquals(n, (Long) result.getAccumulatorResult("count"));
            long local = 0;
            long remote = 0;
            for (TaskExecutor te : cluster.getTaskExecutors()) {
                local += te.getShuffleEnvironment().getLocalChannelCount();
                remote += te.getShuffleEnvironment().getRemoteChannelCount();
            }
            // 4 consumers x 4 producers; each TaskExecutor hosts 2 producers
            assertEquals(16, local + remote);
            assertEquals(8, local);
            assertEquals(8, remote);
            JobResult summary = cluster.getDispatcher().requestJob(job.getJobId()).get();
            assertEquals(JobStatus.FINISHED, summary.status());
        }
    }

    @Test
    void jobsOneAfterAnotherReuseTheSameSlotsWithoutExtraWorkers() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        try (MiniCluster cluster = new MiniCluster(conf).start()) {
            for (int i = 0; i < 4; i++) {
                JobGraph job = TestJobs.sourceToSink("job-" + i, 2, 2, ShipStrategy.REBALANCE, "n=" + (1000 + i), "", new Configuration());
                cluster.getDispatcher().submitJob(job).get();
                JobExecutionResult result = new DispatcherJobClient(cluster.getDispatcher(), job.getJobId())
                        .getJobExecutionResult().get(30, TimeUnit.SECONDS);
                assertEquals(TestJobs.expectedSum(1000 + i), (Long) result.getAccumulatorResult("sum"));
            }
            assertEquals(2, cluster.getTaskExecutors().size());
            assertEquals(4, cluster.getDispatcher().listJobs().get().size());
        }
    }

    @Test
    void executorSizesAClusterForTheJobAndStopsIt() throws Exception {
        long n = 10_000;
        JobGraph job = TestJobs.sourceToSink("forward", 3, 3, ShipStrategy.FORWARD, "n=" + n, "", new Configuration());
        JobClient client = new MiniClusterExecutor().submit(job, new Configuration(), getClass().getClassLoader());
        JobExecutionResult result = client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        assertEquals(TestJobs.expectedSum(n), (Long) result.getAccumulatorResult("sum"));
        assertEquals(job.getJobId(), result.getJobId());
    }

    @Test
    void fixedDelayRestartRecoversFromAFailureOnTheFirstAttempt() throws Exception {
        long n = 5_000;
        Configuration jobConf = new Configuration();
        jobConf.setString("restart-strategy.type", "fixed-delay");
        jobConf.setString("restart-strategy.fixed-delay.attempts", "2");
        jobConf.setString("restart-strategy.fixed-delay.delay", "50 ms");
        JobGraph job = TestJobs.sourceToSink("restarting", 2, 2, ShipStrategy.HASH, "n=" + n + ",fail=first", "", jobConf);
        try (MiniCluster cluster = new MiniCluster(twoTaskExecutorsWithTwoSlots()).start()) {
            cluster.getDispatcher().submitJob(job).get();
            JobExecutionResult result = new DispatcherJobClient(cluster.getDispatcher(), job.getJobId())
                    .getJobExecutionResult().get(30, TimeUnit.SECONDS);
            assertEquals(TestJobs.expectedSum(n), (Long) result.getAccumulatorResult("sum"));
            var details = cluster.getDispatcher().requestJobDetails(job.getJobId()).get();
            assertEquals(1, details.vertices().get(0).subtasks().get(0).attempt());
        }
    }

    @Test
    void withoutRestartsTheJobFailsWithTheRootCause() throws Exception {
        JobGraph job = TestJobs.sourceToSink("failing", 2, 2, ShipStrategy.HASH, "n=1000,fail=first", "", new Configuration());
        try (MiniCluster cluster = new MiniCluster(twoTaskExecutorsWithTwoSlots()).start()) {
            cluster.getDispatcher().submitJob(job).get();
            ExecutionException e = assertThrows(ExecutionException.class, () -> new DispatcherJobClient(cluster.getDispatcher(),
                    job.getJobId()).getJobExecutionResult().get(30, TimeUnit.SECONDS));
            JobExecutionException jee = assertInstanceOf(JobExecutionException.class, e.getCause());
            assertEquals(JobStatus.FAILED, jee.getFinalStatus());
            RemoteFailure cause = assertInstanceOf(RemoteFailure.class, jee.getCause());
            assertEquals(IllegalStateException.class.getName(), cause.getRemoteClassName());
            assertEquals("boom in attempt 0", cause.getRemoteMessage());
            assertTrue(cause.getRemoteStackTrace().contains("TestJobs$LongSource.invoke"), cause.getRemoteStackTrace());
            JobResult r = cluster.getDispatcher().requestJob(job.getJobId()).get();
            assertEquals("java.lang.IllegalStateException: boom in attempt 0", r.failureCause());
        }
    }

    @Test
    void failureRateGivesUpAfterTooManyFailuresInTheInterval() throws Exception {
        Configuration jobConf = new Configuration();
        jobConf.setString("restart-strategy.type", "failure-rate");
        jobConf.setString("restart-strategy.failure-rate.max-failures-per-interval", "2");
        jobConf.setString("restart-strategy.failure-rate.failure-rate-interval", "1 min");
        jobConf.setString("restart-strategy.failure-rate.delay", "20 ms");
        JobGraph alwaysFailing = TestJobs.sourceToSink("always", 2, 2, ShipStrategy.FORWARD, "n=100,fail=always", "", jobConf);
        JobGraph failingOnce = TestJobs.sourceToSink("once", 2, 2, ShipStrategy.FORWARD, "n=100,fail=first", "", jobConf);
        try (MiniCluster cluster = new MiniCluster(twoTaskExecutorsWithTwoSlots()).start()) {
            cluster.getDispatcher().submitJob(alwaysFailing).get();
            cluster.getDispatcher().submitJob(failingOnce).get();
            ExecutionException e = assertThrows(ExecutionException.class, () -> new DispatcherJobClient(cluster.getDispatcher(),
                    alwaysFailing.getJobId()).getJobExecutionResult().get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("boom in attempt 2"), e.getCause().getMessage());
            var details = cluster.getDispatcher().requestJobDetails(alwaysFailing.getJobId()).get();
            assertEquals(2, details.vertices().get(0).subtasks().get(0).attempt(), "two restarts, the third failure is fatal");

            JobExecutionResult ok = new DispatcherJobClient(cluster.getDispatcher(), failingOnce.getJobId())
                    .getJobExecutionResult().get(30, TimeUnit.SECONDS);
            assertEquals(TestJobs.expectedSum(100), (Long) ok.getAccumulatorResult("sum"));
        }
    }

    @Test
    void cancelStopsARunningUnboundedJob() throws Exception {
        JobGraph job = TestJobs.sourceToSink("endless", 4, 4, ShipStrategy.REBALANCE, "unbounded=true", "", new Configuration());
        Configuration conf = twoTaskExecutorsWithTwoSlots();
        conf.setString("heartbeat.interval", "100 ms");
        try (MiniCluster cluster = new MiniCluster(conf).start()) {
            cluster.getDispatcher().submitJob(job).get();
            DispatcherJobClient client = new DispatcherJobClient(cluster.getDispatcher(), job.getJobId());
            waitUntil(() -> cluster.getDispatcher().requestJobDetails(job.getJobId()).get().vertices().stream()
                    .allMatch(v -> v.status().equals("RUNNING") && v.recordsIn() + v.recordsOut() > 0), 20_000);
            client.cancel().get(10, TimeUnit.SECONDS);
            ExecutionException e = assertThrows(ExecutionException.class, () -> client.getJobExecutionResult().get(30, TimeUnit.SECONDS));
            assertEquals(JobStatus.CANCELED, assertInstanceOf(JobExecutionException.class, e.getCause()).getFinalStatus());
            // every slot is given back
            waitUntil(() -> cluster.getResourceManager().listTaskExecutors().get().stream()
                    .allMatch(t -> t.slotsFree() == t.slotsTotal()), 20_000);
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void waitUntil(Condition condition, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.holds()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not reached within " + timeoutMillis + " ms");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
