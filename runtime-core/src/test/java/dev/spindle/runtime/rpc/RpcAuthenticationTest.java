package dev.spindle.runtime.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.DataExchangeServiceGrpc;
import dev.spindle.runtime.rpc.proto.HeartbeatResponse;
import dev.spindle.runtime.rpc.proto.JobMasterServiceGrpc;
import dev.spindle.runtime.rpc.proto.RegisterTaskExecutorRequest;
import dev.spindle.runtime.rpc.proto.ResourceManagerServiceGrpc;
import dev.spindle.runtime.rpc.proto.TaskExecutorHeartbeat;
import dev.spindle.runtime.rpc.proto.TaskExecutorServiceGrpc;
import dev.spindle.runtime.security.BearerToken;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.tls.TransportSecurity;
import dev.spindle.runtime.security.tls.ChannelSecurity;
import dev.spindle.runtime.testing.RecordingRelay;
import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
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

    /** The right certificate but another secret: only the secret check can refuse it. */
    private static ClusterSecret wrongSecretSameCertificate(ClusterSecret secret) {
        byte[] other = new byte[32];
        new SecureRandom().nextBytes(other);
        return ClusterSecret.of(other, secret.tlsIdentity());
    }

    /** A TLS channel pinned to the application's certificate that sends no secret at all. */
    private static ManagedChannel anonymousTlsChannel(ClusterSecret secret, int port) throws Exception {
        return NettyChannelBuilder.forAddress("127.0.0.1", port).sslContext(GrpcTls.client(secret)).build();
    }

    @Test
    void callsWithoutTheClusterSecretAreRefused() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        CountingService service = new CountingService();
        RegisterTaskExecutorRequest request = RegisterTaskExecutorRequest.newBuilder().setResourceId("te").setPort(1).setNumSlots(1).build();
        try (RpcServer server = RpcServer.start("127.0.0.1", 0, secret, 1 << 20, List.of(service))) {
            ManagedChannel anonymous = anonymousTlsChannel(secret, server.getPort());
            try {
                StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ResourceManagerServiceGrpc
                        .newBlockingStub(anonymous).withDeadlineAfter(5, TimeUnit.SECONDS).registerTaskExecutor(request));
                assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
            } finally {
                anonymous.shutdownNow();
            }
            try (RpcClients wrong = new RpcClients(wrongSecretSameCertificate(secret), 1 << 20)) {
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

    /** Sends raw bytes for any method, so every method of every service can be called without knowing its types. */
    private static final MethodDescriptor.Marshaller<byte[]> RAW = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    private static Status.Code call(Channel channel, MethodDescriptor<?, ?> method) {
        MethodDescriptor<byte[], byte[]> raw = MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(method.getFullMethodName()).setRequestMarshaller(RAW).setResponseMarshaller(RAW).build();
        try {
            ClientCalls.blockingUnaryCall(channel, raw, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), new byte[0]);
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void everyMethodOfEveryServiceRefusesAMissingOrWrongSecret() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        List<BindableService> services = List.of(new ResourceManagerServiceGrpc.ResourceManagerServiceImplBase() { },
                new JobMasterServiceGrpc.JobMasterServiceImplBase() { }, new TaskExecutorServiceGrpc.TaskExecutorServiceImplBase() { },
                new DataExchangeServiceGrpc.DataExchangeServiceImplBase() { });
        List<ServiceDescriptor> descriptors = List.of(ResourceManagerServiceGrpc.getServiceDescriptor(),
                JobMasterServiceGrpc.getServiceDescriptor(), TaskExecutorServiceGrpc.getServiceDescriptor(),
                DataExchangeServiceGrpc.getServiceDescriptor());
        int methods = 0;
        try (RpcServer server = RpcServer.start("127.0.0.1", 0, secret, 1 << 20, services)) {
            ManagedChannel tls = anonymousTlsChannel(secret, server.getPort());
            Channel wrong = ClientInterceptors.intercept(tls, BearerToken.clientInterceptor(wrongSecretSameCertificate(secret)));
            Channel right = ClientInterceptors.intercept(tls, BearerToken.clientInterceptor(secret));
            try {
                for (ServiceDescriptor d : descriptors) {
                    for (MethodDescriptor<?, ?> m : d.getMethods()) {
                        methods++;
                        assertEquals(Status.Code.UNAUTHENTICATED, call(tls, m), "no secret: " + m.getFullMethodName());
                        assertEquals(Status.Code.UNAUTHENTICATED, call(wrong, m), "wrong secret: " + m.getFullMethodName());
                        // with the secret the call reaches the (unimplemented) service: the refusals above were the secret check
                        assertEquals(Status.Code.UNIMPLEMENTED, call(right, m), "right secret: " + m.getFullMethodName());
                    }
                }
            } finally {
                tls.shutdownNow();
            }
        }
        assertTrue(methods >= 8, "all services' methods were called: " + methods);
    }

    @Test
    void plaintextAndForeignCertificatesAreRefusedAtTheHandshake() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        CountingService service = new CountingService();
        try (RpcServer server = RpcServer.start("127.0.0.1", 0, secret, 1 << 20, List.of(service))) {
            ManagedChannel plaintext = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext()
                    .intercept(BearerToken.clientInterceptor(secret)).build();
            try {
                StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ResourceManagerServiceGrpc
                        .newBlockingStub(plaintext).withDeadlineAfter(5, TimeUnit.SECONDS).heartbeat(TaskExecutorHeartbeat.getDefaultInstance()));
                assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.toString());
            } finally {
                plaintext.shutdownNow();
            }
            // the right secret, but pinned to another application's certificate (and presenting it): no handshake
            ClusterSecret foreign = ClusterSecret.of(java.util.Base64.getUrlDecoder().decode(secret.toBase64()),
                    ClusterSecret.generate().tlsIdentity());
            try (RpcClients other = new RpcClients(foreign, 1 << 20)) {
                StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ResourceManagerServiceGrpc
                        .newBlockingStub(other.channel("127.0.0.1", server.getPort())).withDeadlineAfter(5, TimeUnit.SECONDS)
                        .heartbeat(TaskExecutorHeartbeat.getDefaultInstance()));
                assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.toString());
            }
        }
        assertEquals(0, service.calls.get());
    }

    @Test
    void theSecretNeverAppearsOnTheWireOfATlsConnection() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        byte[] token = secret.toBase64().getBytes(StandardCharsets.US_ASCII);
        byte[] raw = java.util.Base64.getUrlDecoder().decode(secret.toBase64());
        try (RpcServer server = RpcServer.start("127.0.0.1", 0, secret, 1 << 20, List.of(new CountingService()));
                RecordingRelay relay = new RecordingRelay(server.getPort());
                RpcClients clients = new RpcClients(secret, 1 << 20)) {
            for (int i = 0; i < 3; i++) {
                assertTrue(ResourceManagerServiceGrpc.newBlockingStub(clients.channel("127.0.0.1", relay.port()))
                        .withDeadlineAfter(5, TimeUnit.SECONDS).heartbeat(TaskExecutorHeartbeat.getDefaultInstance()).getKnown());
            }
            assertTrue(relay.captured().length > 500, "the relay saw the connection: " + relay.captured().length + " bytes");
            assertTrue(relay.captured()[0] == 0x16, "a TLS handshake record opens the connection");
            assertFalse(relay.sawBytes(token), "the bearer token is not readable on the wire");
            assertFalse(relay.sawBytes(raw), "nor the raw secret");
        }
        // The same relay over plaintext shows the token: the capture above could have found it.
        ClusterSecret clear = secret.withTransport(new TransportSecurity(ChannelSecurity.PLAINTEXT, ChannelSecurity.PLAINTEXT));
        try (RpcServer server = RpcServer.start("127.0.0.1", 0, clear, 1 << 20, List.of(new CountingService()));
                RecordingRelay relay = new RecordingRelay(server.getPort());
                RpcClients clients = new RpcClients(clear, 1 << 20)) {
            ResourceManagerServiceGrpc.newBlockingStub(clients.channel("127.0.0.1", relay.port()))
                    .withDeadlineAfter(5, TimeUnit.SECONDS).heartbeat(TaskExecutorHeartbeat.getDefaultInstance());
            assertTrue(relay.sawBytes(token), "in clear, the token is on the wire");
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
