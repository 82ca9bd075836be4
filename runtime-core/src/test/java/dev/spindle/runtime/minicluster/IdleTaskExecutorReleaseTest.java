package dev.spindle.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobExecutionResult;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class IdleTaskExecutorReleaseTest {

    @Test
    void idleTaskExecutorsAreReleasedAndNewWorkersAreStartedOnDemand() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        conf.setString("resourcemanager.taskmanager-timeout", "300 ms");
        try (MiniCluster cluster = new MiniCluster(conf).start()) {
            assertEquals(2, cluster.getResourceManager().listTaskExecutors().get().size());
            MiniClusterTest.waitUntil(() -> cluster.getResourceManager().listTaskExecutors().get().isEmpty()
                    && cluster.getTaskExecutors().isEmpty(), 10_000);

            // a job needing 3 slots makes the resource manager start ceil(3 / 2) = 2 workers
            JobGraph job = TestJobs.sourceToSink("on-demand", 3, 3, ShipStrategy.REBALANCE, "n=3000", "", new Configuration());
            cluster.getDispatcher().submitJob(job).get();
            JobExecutionResult result = new DispatcherJobClient(cluster.getDispatcher(), job.getJobId())
                    .getJobExecutionResult().get(30, TimeUnit.SECONDS);
            assertEquals(TestJobs.expectedSum(3000), (Long) result.getAccumulatorResult("sum"));
            assertTrue(cluster.getTaskExecutors().size() <= 2, "started " + cluster.getTaskExecutors().size() + " workers");
            MiniClusterTest.waitUntil(() -> cluster.getTaskExecutors().isEmpty(), 10_000);
        }
    }
}
