package dev.spindle.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.JobID;
import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.ResourceManagerOptions;
import dev.spindle.configuration.RpcOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.jobgraph.JobVertexID;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.rpc.JobGraphs;
import dev.spindle.runtime.rpc.RpcClients;
import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.CancelTaskRequest;
import dev.spindle.runtime.rpc.proto.SlotLocation;
import dev.spindle.runtime.rpc.proto.SubmitTaskRequest;
import dev.spindle.runtime.rpc.proto.TaskExecutorHeartbeat;
import dev.spindle.runtime.rpc.proto.TaskExecutorServiceGrpc;
import dev.spindle.runtime.task.TaskEnvironment;
import dev.spindle.runtime.task.TaskInvokable;
import dev.spindle.runtime.taskexecutor.TaskExecutor;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Cancels that race submissions, and tasks that outlive their cancel. */
@Timeout(90)
class CancelRacesTest {

    private static Configuration oneSlot() {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 1);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        return conf;
    }

    @Test
    void aSubmissionThatItsCancelOvertookIsRefused() throws Exception {
        JobGraph job = TestJobs.sourceToSink("endless", 1, 1, ShipStrategy.FORWARD, "unbounded=true", "", new Configuration());
        try (MiniCluster cluster = new MiniCluster(oneSlot()).start();
                RpcClients clients = new RpcClients(cluster.getSecret(), 64 * 1024 * 1024)) {
            cluster.getDispatcher().submitJob(job).get();
            MiniClusterTest.waitUntil(() -> cluster.getDispatcher().requestJobDetails(job.getJobId()).get().vertices().stream()
                    .allMatch(v -> v.status().equals("RUNNING")), 20_000);
            TaskExecutor te = cluster.getTaskExecutors().get(0);
            var stub = TaskExecutorServiceGrpc.newBlockingStub(clients.channel(te.getHost(), te.getPort()));
            TaskExecutorHeartbeat slots = stub.heartbeat(TaskExecutorHeartbeat.getDefaultInstance());
            String allocation = slots.getSlots(0).getAllocationId();
            JobVertex sink = job.getVertices().get(1);
            int lateAttempt = 7;

            Ack cancel = stub.cancelTask(CancelTaskRequest.newBuilder().setJobId(job.getJobId().toHexString())
                    .setVertexId(sink.getId().toHexString()).setSubtask(0).setAttempt(lateAttempt).build());
            Ack submit = stub.submitTask(SubmitTaskRequest.newBuilder().setJobId(job.getJobId().toHexString())
                    .setJobGraph(ByteString.copyFrom(JobGraphs.serialize(job))).setVertexId(sink.getId().toHexString()).setSubtask(0)
                    .setAttempt(lateAttempt).setAllocationId(allocation)
                    .addSlotLocations(SlotLocation.newBuilder().setResourceId(te.getResourceId().id()).setHost(te.getHost())
                            .setPort(te.getPort()))
                    .build());

            assertFalse(cancel.getAccepted(), "nothing to cancel yet");
            assertFalse(submit.getAccepted(), "the late submission must not start a task its cancel already ended");
            assertTrue(submit.getMessage().contains("canceled before it arrived"), submit.getMessage());
            // the running attempt is untouched
            assertEquals(JobStatus.RUNNING, cluster.getDispatcher().requestJobDetails(job.getJobId()).get().summary().status());
            cluster.getDispatcher().cancelJob(job.getJobId()).get();
        }
    }

    /** Ignores cancel and interrupts until the test lets it go, as user code stuck in a call that cannot be interrupted. */
    public static final class StubbornSink implements TaskInvokable {
        static final AtomicBoolean RELEASED = new AtomicBoolean();

        @Override
        public void invoke(TaskEnvironment env) {
            while (!RELEASED.get()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ignored) {
                    // stubborn on purpose
                }
            }
        }

        @Override
        public void cancel() {
        }
    }

    @Test
    void aTaskThatOutlivesItsCancelKeepsItsSlotUntilTheTaskExecutorGivesUpOnIt() throws Exception {
        Configuration conf = oneSlot();
        conf.set(ResourceManagerOptions.MAX_SLOTS, 1);
        conf.setString(TaskManagerOptions.TASK_CANCELLATION_TIMEOUT.key(), "2 s");
        conf.setString(RpcOptions.ASK_TIMEOUT.key(), "1 s");
        JobGraph stubborn = new JobGraph(new JobID(), "stubborn", new Configuration());
        JobVertex source = new JobVertex(new JobVertexID(), "source", 1, TestJobs.LongSource.class.getName(),
                "unbounded=true".getBytes(StandardCharsets.UTF_8));
        JobVertex sink = new JobVertex(new JobVertexID(), "stubborn sink", 1, StubbornSink.class.getName(), new byte[0]);
        stubborn.addVertex(source).addVertex(sink);
        stubborn.connect(source.getId(), sink.getId(), ShipStrategy.FORWARD);
        long n = 10_000;
        JobGraph next = TestJobs.sourceToSink("next", 1, 1, ShipStrategy.FORWARD, "n=" + n, "", new Configuration());
        StubbornSink.RELEASED.set(false);
        try (MiniCluster cluster = new MiniCluster(conf).start()) {
            TaskExecutor first = cluster.getTaskExecutors().get(0);
            cluster.getDispatcher().submitJob(stubborn).get();
            MiniClusterTest.waitUntil(() -> cluster.getDispatcher().requestJobDetails(stubborn.getJobId()).get().vertices().stream()
                    .allMatch(v -> v.status().equals("RUNNING")), 20_000);

            cluster.getDispatcher().cancelJob(stubborn.getJobId()).get();
            cluster.getDispatcher().submitJob(next).get();
            JobExecutionResult result = new DispatcherJobClient(cluster.getDispatcher(), next.getJobId()).getJobExecutionResult()
                    .get(60, TimeUnit.SECONDS);

            assertEquals(TestJobs.expectedSum(n), (Long) result.getAccumulatorResult("sum"));
            assertEquals(TaskExecutor.EXIT_TASK_CANCELLATION_TIMEOUT, first.getTerminationFuture().get(30, TimeUnit.SECONDS),
                    "the TaskExecutor whose canceled task would not end stopped itself");
            var details = cluster.getDispatcher().requestJobDetails(next.getJobId()).get();
            for (var v : details.vertices()) {
                assertNotEquals(first.getResourceId().id(), v.subtasks().get(0).taskExecutor(),
                        "the next job must not run beside the task that outlived its cancel");
            }
            assertEquals(JobStatus.CANCELED, cluster.getDispatcher().requestJob(stubborn.getJobId()).get().status());
        } finally {
            StubbornSink.RELEASED.set(true);
        }
    }
}
