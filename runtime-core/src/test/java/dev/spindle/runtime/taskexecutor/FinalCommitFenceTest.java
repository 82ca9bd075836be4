package dev.spindle.runtime.taskexecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.rpc.RpcClients;
import dev.spindle.runtime.rpc.RpcServer;
import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.FinalCommitRequest;
import dev.spindle.runtime.rpc.proto.JobMasterServiceGrpc;
import dev.spindle.runtime.security.ClusterSecret;
import io.grpc.stub.StreamObserver;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a task waits for its final commit: granted once, refused, a silent job master, a cancel while it waits. */
@Timeout(60)
class FinalCommitFenceTest {

    private static final FinalCommitRequest REQUEST = FinalCommitRequest.newBuilder().setJobId("job").setVertexId("sink")
            .setSubtask(0).setAttempt(0).setAllocationId("slot").build();

    /** A job master that answers every request with {@code answer} (null: never answers). */
    private static final class FakeJobMaster extends JobMasterServiceGrpc.JobMasterServiceImplBase {
        final AtomicInteger calls = new AtomicInteger();
        private final Function<Integer, Ack> answer;

        FakeJobMaster(Function<Integer, Ack> answer) {
            this.answer = answer;
        }

        @Override
        public void requestFinalCommit(FinalCommitRequest request, StreamObserver<Ack> out) {
            Ack ack = answer.apply(calls.incrementAndGet());
            if (ack != null) {
                out.onNext(ack);
                out.onCompleted();
            }
        }
    }

    private static Ack granted() {
        return Ack.newBuilder().setAccepted(true).build();
    }

    @Test
    void aGrantIsAskedForOnceAndAfterALostAnswerAskedAgain() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        // the first answer is lost (deadline), the second grants
        FakeJobMaster jm = new FakeJobMaster(n -> n == 1 ? null : granted());
        try (RpcServer server = RpcServer.start("127.0.0.1", 0, secret, 1 << 20, List.of(jm));
             RpcClients clients = new RpcClients(secret, 1 << 20)) {
            JobMasterFinalCommitFence fence = new JobMasterFinalCommitFence("sink (1/1) attempt 0", REQUEST,
                    () -> clients.channel("127.0.0.1", server.getPort()), 500, 20_000);
            fence.awaitPermission();
            fence.awaitPermission();
            assertEquals(2, jm.calls.get(), "asked again after the lost answer, not after the grant");
        }
    }

    @Test
    void aRefusalFailsTheCommitAtOnceNamingTheJobMastersReason() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        FakeJobMaster jm = new FakeJobMaster(n -> Ack.newBuilder().setAccepted(false).setMessage("job j is RESTARTING").build());
        try (RpcServer server = RpcServer.start("127.0.0.1", 0, secret, 1 << 20, List.of(jm));
             RpcClients clients = new RpcClients(secret, 1 << 20)) {
            JobMasterFinalCommitFence fence = new JobMasterFinalCommitFence("sink (1/1) attempt 0", REQUEST,
                    () -> clients.channel("127.0.0.1", server.getPort()), 500, 20_000);
            IllegalStateException e = assertThrows(IllegalStateException.class, fence::awaitPermission);
            assertTrue(e.getMessage().contains("refused (job j is RESTARTING)"), e.getMessage());
            assertThrows(IllegalStateException.class, fence::awaitPermission, "a refusal is never turned into a grant later");
            assertEquals(2, jm.calls.get());
        }
    }

    @Test
    void aJobMasterThatIsGoneFailsTheCommitAfterThePatience() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        int closedPort = port;
        try (RpcClients clients = new RpcClients(ClusterSecret.generate(), 1 << 20)) {
            JobMasterFinalCommitFence fence = new JobMasterFinalCommitFence("sink (1/1) attempt 0", REQUEST,
                    () -> clients.channel("127.0.0.1", closedPort), 200, 1_500);
            long start = System.nanoTime();
            IllegalStateException e = assertThrows(IllegalStateException.class, fence::awaitPermission);
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(e.getMessage().contains("did not answer for 1500 ms (heartbeat.timeout)"), e.getMessage());
            assertTrue(waited >= 1_000, "asked again until about the patience, not once: " + waited + " ms");
        }
    }

    @Test
    void aCancelWhileWaitingEndsTheWaitWithoutPermission() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        CountDownLatch asked = new CountDownLatch(1);
        FakeJobMaster jm = new FakeJobMaster(n -> {
            asked.countDown();
            return null;
        });
        try (RpcServer server = RpcServer.start("127.0.0.1", 0, secret, 1 << 20, List.of(jm));
             RpcClients clients = new RpcClients(secret, 1 << 20)) {
            JobMasterFinalCommitFence fence = new JobMasterFinalCommitFence("sink (1/1) attempt 0", REQUEST,
                    () -> clients.channel("127.0.0.1", server.getPort()), 30_000, 30_000);
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread task = new Thread(() -> {
                try {
                    fence.awaitPermission();
                    outcome.complete(null);
                } catch (Throwable t) {
                    outcome.complete(t);
                }
            });
            task.start();
            assertTrue(asked.await(20, TimeUnit.SECONDS), "the fence asked its job master");
            task.interrupt();
            Throwable t = outcome.get(10, TimeUnit.SECONDS);
            assertTrue(t instanceof InterruptedException, "canceled, not granted: " + t);
        }
    }
}
