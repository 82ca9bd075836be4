package dev.spindle.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.ResourceManagerOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.resourcemanager.ResourceID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Jobs that compete for too few slots run one after the other instead of each holding part and waiting on the other. */
@Timeout(120)
class SlotContentionTest {

    private static Configuration slotsAtMost(int taskExecutors, int maxSlots) {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, taskExecutors);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        conf.set(ResourceManagerOptions.MAX_SLOTS, maxSlots);
        // short enough to notice the killed TaskExecutor soon, long enough for a loaded machine
        conf.setString("heartbeat.interval", "200 ms");
        conf.setString("heartbeat.timeout", "3 s");
        return conf;
    }

    private static Configuration restartsAllowed() {
        Configuration jobConf = new Configuration();
        jobConf.setString("restart-strategy.type", "fixed-delay");
        jobConf.setString("restart-strategy.fixed-delay.attempts", "5");
        jobConf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        return jobConf;
    }

    @Test
    void twoJobsThatEachNeedTwoOfThreeSlotsBothFinishOneAfterTheOther() throws Exception {
        long n = 25_600;
        JobGraph first = TestJobs.sourceToSink("first", 2, 2, ShipStrategy.REBALANCE, "n=" + n, "sleepMs=5", new Configuration());
        JobGraph second = TestJobs.sourceToSink("second", 2, 2, ShipStrategy.REBALANCE, "n=" + (n + 1), "sleepMs=5", new Configuration());
        try (MiniCluster cluster = new MiniCluster(slotsAtMost(3, 3)).start()) {
            var submittedFirst = cluster.getDispatcher().submitJob(first);
            var submittedSecond = cluster.getDispatcher().submitJob(second);
            submittedFirst.get();
            submittedSecond.get();
            AtomicInteger mostTaskExecutors = new AtomicInteger();
            var a = new DispatcherJobClient(cluster.getDispatcher(), first.getJobId()).getJobExecutionResult();
            var b = new DispatcherJobClient(cluster.getDispatcher(), second.getJobId()).getJobExecutionResult();
            MiniClusterTest.waitUntil(() -> {
                mostTaskExecutors.accumulateAndGet(cluster.getTaskExecutors().size(), Math::max);
                return a.isDone() && b.isDone();
            }, 60_000);

            assertEquals(TestJobs.expectedSum(n), (Long) a.get().getAccumulatorResult("sum"));
            assertEquals(TestJobs.expectedSum(n + 1), (Long) b.get().getAccumulatorResult("sum"));
            assertEquals(JobStatus.FINISHED, cluster.getDispatcher().requestJob(first.getJobId()).get().status());
            assertEquals(JobStatus.FINISHED, cluster.getDispatcher().requestJob(second.getJobId()).get().status());
            assertEquals(3, mostTaskExecutors.get(), "slotmanager.number-of-slots.max kept the cluster at 3 one-slot TaskExecutors");
        }
    }

    /**
     * Job A runs on three of four slots while B waits for three. A loses a TaskExecutor and its
     * replacement arrives: had A kept its two slots and B been granted slots piecemeal, each would
     * hold two of the three it needs, forever.
     */
    @Test
    void aRestartAfterALostTaskExecutorDoesNotDeadlockWithAJobWaitingForSlots() throws Exception {
        long n = 25_600;
        JobGraph jobA = TestJobs.sourceToSink("a", 3, 3, ShipStrategy.REBALANCE, "n=" + n, "sleepMs=30", restartsAllowed());
        JobGraph jobB = TestJobs.sourceToSink("b", 3, 3, ShipStrategy.REBALANCE, "n=" + (2 * n), "", restartsAllowed());
        try (MiniCluster cluster = new MiniCluster(slotsAtMost(4, 4)).start()) {
            cluster.getDispatcher().submitJob(jobA).get();
            MiniClusterTest.waitUntil(() -> cluster.getDispatcher().requestJobDetails(jobA.getJobId()).get().vertices().stream()
                    .allMatch(v -> v.status().equals("RUNNING")), 20_000);
            cluster.getDispatcher().submitJob(jobB).get();
            MiniClusterTest.waitUntil(() -> cluster.getDispatcher().requestJobDetails(jobB.getJobId()).get().summary().status()
                    == JobStatus.RUNNING, 20_000);
            // B's slot request went to the resource manager before this listing, on its one thread
            cluster.getResourceManager().listTaskExecutors().get();
            String victim = cluster.getDispatcher().requestJobDetails(jobA.getJobId()).get().vertices().get(0).subtasks().get(0)
                    .taskExecutor();
            cluster.killTaskExecutor(new ResourceID(victim));

            JobExecutionResult a = new DispatcherJobClient(cluster.getDispatcher(), jobA.getJobId()).getJobExecutionResult()
                    .get(90, TimeUnit.SECONDS);
            JobExecutionResult b = new DispatcherJobClient(cluster.getDispatcher(), jobB.getJobId()).getJobExecutionResult()
                    .get(90, TimeUnit.SECONDS);

            assertEquals(TestJobs.expectedSum(n), (Long) a.getAccumulatorResult("sum"));
            assertEquals(TestJobs.expectedSum(2 * n), (Long) b.getAccumulatorResult("sum"));
            var detailsA = cluster.getDispatcher().requestJobDetails(jobA.getJobId()).get();
            var detailsB = cluster.getDispatcher().requestJobDetails(jobB.getJobId()).get();
            assertEquals(JobStatus.FINISHED, detailsA.summary().status());
            assertEquals(JobStatus.FINISHED, detailsB.summary().status());
            assertTrue(detailsA.restarts() >= 1, "A restarted after losing its TaskExecutor");
        }
    }
}
