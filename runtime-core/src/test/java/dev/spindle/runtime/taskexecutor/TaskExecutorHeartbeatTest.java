package dev.spindle.runtime.taskexecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.jobgraph.JobVertexID;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.rpc.JobGraphs;
import dev.spindle.runtime.rpc.RpcClients;
import dev.spindle.runtime.rpc.RpcServer;
import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.HeartbeatResponse;
import dev.spindle.runtime.rpc.proto.JobMasterHeartbeatRequest;
import dev.spindle.runtime.rpc.proto.JobMasterServiceGrpc;
import dev.spindle.runtime.rpc.proto.OfferSlotsRequest;
import dev.spindle.runtime.rpc.proto.OfferSlotsResponse;
import dev.spindle.runtime.rpc.proto.RegisterTaskExecutorRequest;
import dev.spindle.runtime.rpc.proto.RequestSlotRequest;
import dev.spindle.runtime.rpc.proto.ResourceManagerServiceGrpc;
import dev.spindle.runtime.rpc.proto.SlotLocation;
import dev.spindle.runtime.rpc.proto.SubmitTaskRequest;
import dev.spindle.runtime.rpc.proto.TaskExecutorHeartbeat;
import dev.spindle.runtime.rpc.proto.TaskExecutorServiceGrpc;
import dev.spindle.runtime.rpc.proto.TaskState;
import dev.spindle.runtime.rpc.proto.TaskStateUpdate;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.task.TaskEnvironment;
import dev.spindle.runtime.task.TaskInvokable;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A real TaskExecutor against a scripted resource manager / job master on loopback. */
@Timeout(30)
class TaskExecutorHeartbeatTest {

    /** Runs until canceled. */
    public static final class UntilCanceled implements TaskInvokable {
        private final CountDownLatch canceled = new CountDownLatch(1);

        @Override
        public void invoke(TaskEnvironment environment) throws Exception {
            canceled.await();
        }

        @Override
        public void cancel() {
            canceled.countDown();
        }
    }

    private static final class FakeJobManager {
        volatile boolean rmAnswers = true;
        volatile boolean jmAnswers = true;
        final BlockingQueue<TaskStateUpdate> states = new LinkedBlockingQueue<>();

        final ResourceManagerServiceGrpc.ResourceManagerServiceImplBase rm = new ResourceManagerServiceGrpc.ResourceManagerServiceImplBase() {
            @Override
            public void registerTaskExecutor(RegisterTaskExecutorRequest request, StreamObserver<Ack> out) {
                out.onNext(Ack.newBuilder().setAccepted(true).build());
                out.onCompleted();
            }

            @Override
            public void heartbeat(TaskExecutorHeartbeat request, StreamObserver<HeartbeatResponse> out) {
                if (!rmAnswers) {
                    out.onError(Status.UNAVAILABLE.asRuntimeException());
                    return;
                }
                out.onNext(HeartbeatResponse.newBuilder().setKnown(true).build());
                out.onCompleted();
            }
        };

        final JobMasterServiceGrpc.JobMasterServiceImplBase jm = new JobMasterServiceGrpc.JobMasterServiceImplBase() {
            @Override
            public void offerSlots(OfferSlotsRequest request, StreamObserver<OfferSlotsResponse> out) {
                out.onNext(OfferSlotsResponse.newBuilder().addAcceptedAllocationIds(request.getOffers(0).getAllocationId()).build());
                out.onCompleted();
            }

            @Override
            public void updateTaskState(TaskStateUpdate request, StreamObserver<Ack> out) {
                states.add(request);
                out.onNext(Ack.newBuilder().setAccepted(true).build());
                out.onCompleted();
            }

            @Override
            public void heartbeat(JobMasterHeartbeatRequest request, StreamObserver<HeartbeatResponse> out) {
                if (!jmAnswers) {
                    out.onError(Status.UNAVAILABLE.asRuntimeException());
                    return;
                }
                out.onNext(HeartbeatResponse.newBuilder().setKnown(true).build());
                out.onCompleted();
            }
        };
    }

    private final ClusterSecret secret = ClusterSecret.generate();
    private final FakeJobManager fake = new FakeJobManager();
    private RpcServer jobManager;
    private TaskExecutor taskExecutor;
    private RpcClients clients;

    @BeforeEach
    void start() throws Exception {
        jobManager = RpcServer.start("127.0.0.1", 0, secret, 1 << 20, List.of(fake.rm, fake.jm));
        Configuration conf = new Configuration();
        conf.setString("heartbeat.interval", "50 ms");
        conf.setString("heartbeat.timeout", "500 ms");
        conf.setString("taskmanager.numberOfTaskSlots", "2");
        taskExecutor = new TaskExecutor(conf, new ResourceID("te-under-test"), "127.0.0.1", jobManager.getPort(), secret, "127.0.0.1");
        taskExecutor.start();
        taskExecutor.getRegistrationFuture().get(10, TimeUnit.SECONDS);
        clients = new RpcClients(secret, 1 << 20);
    }

    @AfterEach
    void stop() {
        taskExecutor.close();
        clients.close();
        jobManager.kill();
    }

    private TaskExecutorServiceGrpc.TaskExecutorServiceBlockingStub te() {
        return TaskExecutorServiceGrpc.newBlockingStub(clients.channel("127.0.0.1", taskExecutor.getPort()))
                .withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    private JobID deployUntilCanceledTask() throws Exception {
        JobGraph graph = new JobGraph(new JobID(), "waits", new Configuration());
        JobVertex vertex = new JobVertex(new JobVertexID(), "waiter", 1, UntilCanceled.class.getName(), null);
        graph.addVertex(vertex);
        JobID job = graph.getJobId();
        Ack slot = te().requestSlot(RequestSlotRequest.newBuilder().setJobId(job.toHexString()).setSlotIndex(1).setAllocationId("alloc-1")
                .setJobMasterHost("127.0.0.1").setJobMasterPort(jobManager.getPort()).build());
        assertTrue(slot.getAccepted(), slot.getMessage());
        Ack submitted = te().submitTask(SubmitTaskRequest.newBuilder().setJobId(job.toHexString())
                .setJobGraph(ByteString.copyFrom(JobGraphs.serialize(graph))).setVertexId(vertex.getId().toHexString())
                .setSubtask(0).setAttempt(0).setAllocationId("alloc-1")
                .addSlotLocations(SlotLocation.newBuilder().setResourceId("te-under-test").setHost("127.0.0.1").setPort(taskExecutor.getPort()))
                .build());
        assertTrue(submitted.getAccepted(), submitted.getMessage());
        assertEquals(TaskState.RUNNING, fake.states.poll(10, TimeUnit.SECONDS).getState());
        assertEquals(job.toHexString(), te().heartbeat(TaskExecutorHeartbeat.getDefaultInstance()).getSlots(1).getJobId());
        return job;
    }

    @Test
    void losingTheJobMasterCancelsTheJobsTasksAndFreesItsSlots() throws Exception {
        deployUntilCanceledTask();
        long silentSince = System.currentTimeMillis();
        fake.jmAnswers = false;

        TaskStateUpdate end = fake.states.poll(10, TimeUnit.SECONDS);
        assertEquals(TaskState.CANCELED, end.getState());
        // silence counts from the last answered heartbeat, at most one interval (50 ms) before the job master went quiet
        long waited = System.currentTimeMillis() - silentSince;
        assertTrue(waited >= 500 - 50, "canceled " + waited + " ms after the job master went quiet, before the heartbeat timeout");
        assertTrue(te().heartbeat(TaskExecutorHeartbeat.getDefaultInstance()).getSlotsList().stream().allMatch(s -> s.getJobId().isEmpty()));
        assertEquals(false, taskExecutor.getTerminationFuture().isDone(), "only the job is given up, not the TaskExecutor");
    }

    @Test
    void losingTheResourceManagerStopsTheTaskExecutor() throws Exception {
        deployUntilCanceledTask();
        fake.rmAnswers = false;
        assertEquals(TaskExecutor.EXIT_LOST_RESOURCE_MANAGER, taskExecutor.getTerminationFuture().get(10, TimeUnit.SECONDS));
    }

    @Test
    void aSlotTakenByAnotherAllocationIsRefused() throws Exception {
        deployUntilCanceledTask();
        Ack refused = te().requestSlot(RequestSlotRequest.newBuilder().setJobId(new JobID().toHexString()).setSlotIndex(1)
                .setAllocationId("other").setJobMasterHost("127.0.0.1").setJobMasterPort(jobManager.getPort()).build());
        assertEquals(false, refused.getAccepted());
        Ack wrongSlot = te().submitTask(SubmitTaskRequest.newBuilder().setJobId(new JobID().toHexString()).setAllocationId("nope").build());
        assertEquals(false, wrongSlot.getAccepted());
    }
}
