package dev.spindle.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.HeartbeatResponse;
import dev.spindle.runtime.rpc.proto.RegisterTaskExecutorRequest;
import dev.spindle.runtime.rpc.proto.ResourceManagerServiceGrpc;
import dev.spindle.runtime.rpc.proto.TaskExecutorHeartbeat;
import dev.spindle.runtime.security.ClusterSecret;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RpcAuthenticationTest {

    /** Counts calls that got through, so a refused call provably never reached the service. */
    private static final class CountingService extends ResourceManagerServiceGrpc.ResourceManagerServiceImplBase {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void registerTaskExecutor(RegisterTaskExecutorRequest request, StreamObserver<Ack> out) {
            calls.incrementAndGet();
            out.onNext(Ack.newBuilder().setAccepted(true).build());
            out.onCompleted();
        }

        @Override
        public void heartbeat(TaskExecutorHeartbeat request, StreamObserver<HeartbeatResponse> out) {
            calls.incrementAndGet();
            out.onNext(HeartbeatResponse.newBuilder().setKnown(true).build());
            out.onCompleted();
        }
    }

    @Test
    void callsWithoutTheClusterSecretAreRefused() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        CountingService service = new CountingService();
        RegisterTaskExecutorRequest request = RegisterTaskExecutorRequest.newBuilder().setResourceId("te").setPort(1).setNumSlots(1).build();
        try (RpcServer server = RpcServer.start("127.0.0.1", 0, secret, 1 << 20, List.of(service))) {
            ManagedChannel anonymous = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
            try {
                StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ResourceManagerServiceGrpc
                        .newBlockingStub(anonymous).withDeadlineAfter(5, TimeUnit.SECONDS).registerTaskExecutor(request));
                assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
            } finally {
                anonymous.shutdownNow();
            }
            try (RpcClients wrong = new RpcClients(ClusterSecret.generate(), 1 << 20)) {
                StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ResourceManagerServiceGrpc
                        .newBlockingStub(wrong.channel("127.0.0.1", server.getPort())).withDeadlineAfter(5, TimeUnit.SECONDS)
                        .heartbeat(TaskExecutorHeartbeat.getDefaultInstance()));
                assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
            }
            assertEquals(0, service.calls.get());

            try (RpcClients right = new RpcClients(secret, 1 << 20)) {
                Ack ack = ResourceManagerServiceGrpc.newBlockingStub(right.channel("127.0.0.1", server.getPort()))
                        .withDeadlineAfter(5, TimeUnit.SECONDS).registerTaskExecutor(request);
                assertTrue(ack.getAccepted());
            }
            assertEquals(1, service.calls.get());
        }
    }

    @Test
    void failuresKeepTheirClassMessageAndTrace() {
        RemoteFailure f = Failures.fromInfo(Failures.toInfo(new IllegalStateException("bad state")));
        assertEquals("java.lang.IllegalStateException: bad state", f.getMessage());
        assertTrue(f.getRemoteStackTrace().contains("RpcAuthenticationTest.failuresKeepTheirClassMessageAndTrace"));
        assertEquals(f.getMessage(), Failures.describe(f));
        assertFalse(Failures.toInfo(f).getStackTrace().isEmpty());
    }
}
