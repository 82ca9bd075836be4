package dev.spindle.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.recovery.JobRecoveryStore;
import dev.spindle.runtime.rpc.proto.JobMasterServiceGrpc;
import dev.spindle.runtime.rpc.proto.TaskState;
import dev.spindle.runtime.testing.MessageFaults;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A task's final state update that never reaches the job master must not leave the job waiting forever. */
@Timeout(90)
class LostTaskStateUpdateTest {

    private static Configuration cluster() {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        conf.setString("heartbeat.interval", "100 ms");
        conf.setString("heartbeat.timeout", "2 s");
        return conf;
    }

    @Test
    void everyLostFinalUpdateArrivesWithTheNextHeartbeatAndTheJobFinishesWithItsOutput() throws Exception {
        MessageFaults faults = new MessageFaults().on(JobMasterServiceGrpc.getUpdateTaskStateMethod(),
                u -> u.getState() == TaskState.FINISHED ? null : u);
        long n = 50_000;
        JobGraph job = TestJobs.sourceToSink("lost-final-updates", 4, 4, ShipStrategy.REBALANCE, "n=" + n, "", new Configuration());
        try (MiniCluster cluster = new MiniCluster(cluster(), JobRecoveryStore.none(), faults).start()) {
            cluster.getDispatcher().submitJob(job).get();
            JobExecutionResult result = new DispatcherJobClient(cluster.getDispatcher(), job.getJobId())
                    .getJobExecutionResult().get(60, TimeUnit.SECONDS);

            assertEquals(TestJobs.expectedSum(n), (Long) result.getAccumulatorResult("sum"));
            assertEquals(n, (Long) result.getAccumulatorResult("count"));
            assertEquals(JobStatus.FINISHED, cluster.getDispatcher().requestJob(job.getJobId()).get().status());
            // each of the 8 tasks tried at least once
            assertTrue(faults.dropped(JobMasterServiceGrpc.getUpdateTaskStateMethod()) >= 8,
                    faults.dropped(JobMasterServiceGrpc.getUpdateTaskStateMethod()) + " final updates lost");
            var details = cluster.getDispatcher().requestJobDetails(job.getJobId()).get();
            assertTrue(details.vertices().stream().allMatch(v -> v.subtasks().stream().allMatch(s -> s.attempt() == 0)),
                    "nothing restarted: the heartbeats carried the final states");
        }
    }

    @Test
    void anExecutionThatVanishesWithoutAFinalStateIsFailedAndTheJobRestartsToItsExactOutput() throws Exception {
        // attempt 0's ends are lost both ways: the update and the copy the heartbeats carry
        MessageFaults faults = new MessageFaults()
                .on(JobMasterServiceGrpc.getUpdateTaskStateMethod(), u -> u.getAttempt() == 0 && u.getState() == TaskState.FINISHED ? null : u)
                .on(JobMasterServiceGrpc.getHeartbeatMethod(), h -> {
                    var b = h.toBuilder().clearFinalStates();
                    h.getFinalStatesList().stream().filter(u -> u.getAttempt() != 0).forEach(b::addFinalStates);
                    return b.build();
                });
        Configuration jobConf = new Configuration();
        jobConf.setString("restart-strategy.type", "fixed-delay");
        jobConf.setString("restart-strategy.fixed-delay.attempts", "1");
        jobConf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        long n = 20_000;
        JobGraph job = TestJobs.sourceToSink("vanishing-tasks", 2, 2, ShipStrategy.REBALANCE, "n=" + n, "", jobConf);
        try (MiniCluster cluster = new MiniCluster(cluster(), JobRecoveryStore.none(), faults).start()) {
            cluster.getDispatcher().submitJob(job).get();
            JobExecutionResult result = new DispatcherJobClient(cluster.getDispatcher(), job.getJobId())
                    .getJobExecutionResult().get(60, TimeUnit.SECONDS);

            assertEquals(TestJobs.expectedSum(n), (Long) result.getAccumulatorResult("sum"));
            assertEquals(n, (Long) result.getAccumulatorResult("count"));
            var details = cluster.getDispatcher().requestJobDetails(job.getJobId()).get();
            assertEquals(JobStatus.FINISHED, details.summary().status());
            assertEquals(1, details.restarts());
            assertTrue(details.exceptions().get(0).rootCause().contains("without a final state"), details.exceptions().get(0).rootCause());
        }
    }
}
