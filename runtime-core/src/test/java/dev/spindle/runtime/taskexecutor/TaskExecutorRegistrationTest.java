package dev.spindle.runtime.taskexecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.rpc.RpcServer;
import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.HeartbeatResponse;
import dev.spindle.runtime.rpc.proto.RegisterTaskExecutorRequest;
import dev.spindle.runtime.rpc.proto.ResourceManagerServiceGrpc;
import dev.spindle.runtime.rpc.proto.TaskExecutorHeartbeat;
import dev.spindle.runtime.security.ClusterSecret;
import io.grpc.stub.StreamObserver;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TaskExecutorRegistrationTest {

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static final class AcceptingResourceManager extends ResourceManagerServiceGrpc.ResourceManagerServiceImplBase {
        @Override
        public void registerTaskExecutor(RegisterTaskExecutorRequest request, StreamObserver<Ack> out) {
            out.onNext(Ack.newBuilder().setAccepted(true).build());
            out.onCompleted();
        }

        @Override
        public void heartbeat(TaskExecutorHeartbeat request, StreamObserver<HeartbeatResponse> out) {
            out.onNext(HeartbeatResponse.newBuilder().setKnown(true).build());
            out.onCompleted();
        }
    }

    @Test
    void aTaskExecutorStartedBeforeItsResourceManagerKeepsTryingUntilItIsThere() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        int port = freePort();
        try (TaskExecutor te = new TaskExecutor(new Configuration(), new ResourceID("early"), "127.0.0.1", port, secret, "127.0.0.1")) {
            te.start();
            // nothing listens yet: the first attempts fail
            TimeUnit.MILLISECONDS.sleep(500);
            assertFalse(te.isRegistered());
            try (RpcServer rm = RpcServer.start("127.0.0.1", port, secret, 1 << 20, List.of(new AcceptingResourceManager()))) {
                te.getRegistrationFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aTaskExecutorThatCannotRegisterInTimeStopsWithItsExitCode() throws Exception {
        Configuration conf = new Configuration();
        conf.setString("taskmanager.registration.timeout", "400 ms");
        try (TaskExecutor te = new TaskExecutor(conf, new ResourceID("orphan"), "127.0.0.1", freePort(), ClusterSecret.generate(),
                "127.0.0.1")) {
            te.start();
            assertEquals(TaskExecutor.EXIT_REGISTRATION_FAILED, te.getTerminationFuture().get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aTaskExecutorWithTheWrongSecretIsNeverRegistered() throws Exception {
        Configuration conf = new Configuration();
        conf.setString("taskmanager.registration.timeout", "400 ms");
        try (RpcServer rm = RpcServer.start("127.0.0.1", 0, ClusterSecret.generate(), 1 << 20, List.of(new AcceptingResourceManager()));
                TaskExecutor te = new TaskExecutor(conf, new ResourceID("intruder"), "127.0.0.1", rm.getPort(), ClusterSecret.generate(),
                        "127.0.0.1")) {
            te.start();
            assertEquals(TaskExecutor.EXIT_REGISTRATION_FAILED, te.getTerminationFuture().get(10, TimeUnit.SECONDS));
            assertFalse(te.isRegistered());
        }
    }
}
