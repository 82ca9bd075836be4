package dev.spindle.runtime.taskexecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobID;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.rpc.ClusterFencing;
import dev.spindle.runtime.rpc.RpcAddress;
import dev.spindle.runtime.rpc.RpcClients;
import dev.spindle.runtime.rpc.RpcServer;
import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.FreeSlotsRequest;
import dev.spindle.runtime.rpc.proto.HeartbeatResponse;
import dev.spindle.runtime.rpc.proto.RegisterTaskExecutorRequest;
import dev.spindle.runtime.rpc.proto.ResourceManagerServiceGrpc;
import dev.spindle.runtime.rpc.proto.TaskExecutorHeartbeat;
import dev.spindle.runtime.rpc.proto.TaskExecutorServiceGrpc;
import dev.spindle.runtime.security.ClusterSecret;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A TaskExecutor kept across ApplicationMaster attempts takes orders only from the attempt it
 * serves now: once it followed the new attempt, the old one (cut off from YARN but still reaching
 * it, with the same secret and the same job ids) can no longer cancel or free anything on it.
 */
@Timeout(60)
class TaskExecutorFencingTest {

    private static final String LOOPBACK = "127.0.0.1";

    /** A resource manager that registers everyone and answers heartbeats until told to fall silent. */
    private static final class ScriptedResourceManager extends ResourceManagerServiceGrpc.ResourceManagerServiceImplBase {
        final AtomicInteger registrations = new AtomicInteger();
        volatile boolean answers = true;

        @Override
        public void registerTaskExecutor(RegisterTaskExecutorRequest request, StreamObserver<Ack> out) {
            registrations.incrementAndGet();
            out.onNext(Ack.newBuilder().setAccepted(true).build());
            out.onCompleted();
        }

        @Override
        public void heartbeat(TaskExecutorHeartbeat request, StreamObserver<HeartbeatResponse> out) {
            if (!answers) {
                out.onError(Status.UNAVAILABLE.asRuntimeException());
                return;
            }
            out.onNext(HeartbeatResponse.newBuilder().setKnown(true).build());
            out.onCompleted();
        }
    }

    private static Ack freeSlots(RpcClients from, TaskExecutor te) {
        return TaskExecutorServiceGrpc.newBlockingStub(from.channel(LOOPBACK, te.getPort())).withDeadlineAfter(10, TimeUnit.SECONDS)
                .freeSlots(FreeSlotsRequest.newBuilder().setJobId(new JobID().toHexString()).setCause("test").build());
    }

    @Test
    void theEarlierAttemptIsFencedOffOnceTheTaskExecutorFollowedTheNewOne() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        ScriptedResourceManager oldRm = new ScriptedResourceManager();
        ScriptedResourceManager newRm = new ScriptedResourceManager();
        Configuration conf = new Configuration();
        conf.setString("heartbeat.interval", "50 ms");
        conf.setString("heartbeat.timeout", "20 s");
        try (RpcServer oldAttempt = RpcServer.start(LOOPBACK, 0, secret, 1 << 20, List.of(oldRm));
             RpcServer newAttempt = RpcServer.start(LOOPBACK, 0, secret, 1 << 20, List.of(newRm));
             RpcClients fromOld = new RpcClients(secret, 1 << 20,
                     ClusterFencing.stamp(() -> new RpcAddress(LOOPBACK, oldAttempt.getPort())));
             RpcClients fromNew = new RpcClients(secret, 1 << 20,
                     ClusterFencing.stamp(() -> new RpcAddress(LOOPBACK, newAttempt.getPort())));
             TaskExecutor te = new TaskExecutor(conf, new ResourceID("container_fenced_01_000002"), LOOPBACK, oldAttempt.getPort(),
                     secret, LOOPBACK, null, () -> Optional.of(new RpcAddress(LOOPBACK, newAttempt.getPort())))) {
            te.start();
            te.getRegistrationFuture().get(10, TimeUnit.SECONDS);
            assertTrue(freeSlots(fromOld, te).getAccepted(), "the attempt it is registered with is obeyed");
            StatusRuntimeException early = assertThrows(StatusRuntimeException.class, () -> freeSlots(fromNew, te));
            assertEquals(Status.Code.FAILED_PRECONDITION, early.getStatus().getCode(), "nor any other attempt before the move");

            oldRm.answers = false; // the old attempt is cut off from this TaskExecutor's heartbeats, not gone
            long deadline = System.currentTimeMillis() + 15_000;
            while (newRm.registrations.get() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, newRm.registrations.get(), "the TaskExecutor followed the new attempt");

            StatusRuntimeException fenced = assertThrows(StatusRuntimeException.class, () -> freeSlots(fromOld, te));
            assertEquals(Status.Code.FAILED_PRECONDITION, fenced.getStatus().getCode());
            assertTrue(fenced.getStatus().getDescription().contains("serves the ApplicationMaster attempt at " + LOOPBACK + ":"
                    + newAttempt.getPort()), fenced.getStatus().getDescription());
            assertTrue(freeSlots(fromNew, te).getAccepted(), "the new attempt is obeyed");
        }
    }
}
