package dev.spindle.runtime.security.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.configuration.SecurityOptions;
import dev.spindle.runtime.rpc.RpcClients;
import dev.spindle.runtime.rpc.RpcServer;
import dev.spindle.runtime.rpc.proto.HeartbeatResponse;
import dev.spindle.runtime.rpc.proto.ResourceManagerServiceGrpc;
import dev.spindle.runtime.rpc.proto.TaskExecutorHeartbeat;
import dev.spindle.runtime.security.ClusterSecret;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class TransportSecurityTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsToTheGeneratedIdentityAndSwitchesOffOnlyWhenAsked() {
        assertEquals(TransportSecurity.DEFAULT, TransportSecurity.from(new Configuration()));
        Configuration off = new Configuration();
        off.set(SecurityOptions.SSL_INTERNAL_ENABLED, false);
        TransportSecurity t = TransportSecurity.from(off);
        assertEquals(ChannelSecurity.Mode.PLAINTEXT, t.internal().mode());
        assertEquals(ChannelSecurity.Mode.GENERATED, t.rest().mode());
    }

    @Test
    void aKeystoreWithoutTruststoreNamesTheMissingKey() {
        Configuration conf = new Configuration();
        conf.set(SecurityOptions.SSL_REST_KEYSTORE, "/x/ks.p12");
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class, () -> TransportSecurity.from(conf));
        assertTrue(e.getMessage().startsWith("security.ssl.rest.truststore is not set but security.ssl.rest.keystore is"), e.getMessage());
    }

    private static final class Known extends ResourceManagerServiceGrpc.ResourceManagerServiceImplBase {
        @Override
        public void heartbeat(TaskExecutorHeartbeat request, StreamObserver<HeartbeatResponse> out) {
            out.onNext(HeartbeatResponse.newBuilder().setKnown(true).build());
            out.onCompleted();
        }
    }

    /** Writes a PKCS12 keystore holding {@code identity}'s key and one holding only its certificate. */
    private Path[] stores(TlsIdentity identity, String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("key", KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(identity.privateKeyDer())),
                "kspw".toCharArray(), new Certificate[] {identity.certificate()});
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", identity.certificate());
        Path ksFile = tmp.resolve(name + "-ks.p12");
        Path tsFile = tmp.resolve(name + "-ts.p12");
        try (OutputStream out = Files.newOutputStream(ksFile)) {
            ks.store(out, "kspw".toCharArray());
        }
        try (OutputStream out = Files.newOutputStream(tsFile)) {
            ts.store(out, "tspw".toCharArray());
        }
        return new Path[] {ksFile, tsFile};
    }

    private static ClusterSecret withStores(ClusterSecret secret, Path[] stores) {
        Configuration conf = new Configuration();
        conf.set(SecurityOptions.SSL_INTERNAL_KEYSTORE, stores[0].toString());
        conf.set(SecurityOptions.SSL_INTERNAL_KEYSTORE_PASSWORD, "kspw");
        conf.set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE, stores[1].toString());
        conf.set(SecurityOptions.SSL_INTERNAL_TRUSTSTORE_PASSWORD, "tspw");
        return secret.withTransport(TransportSecurity.from(conf));
    }

    @Test
    void ownKeystoresReplaceTheGeneratedCertificate() throws Exception {
        // a secret with no TLS identity at all: the keystores alone must carry TLS
        ClusterSecret bare = ClusterSecret.fromBase64(ClusterSecret.generate().toBase64());
        Path[] mine = stores(TlsIdentity.generate(), "mine");
        Path[] theirs = stores(TlsIdentity.generate(), "theirs");
        ClusterSecret server = withStores(bare, mine);
        try (RpcServer rpc = RpcServer.start("127.0.0.1", 0, server, 1 << 20, List.of(new Known()))) {
            try (RpcClients clients = new RpcClients(withStores(bare, mine), 1 << 20)) {
                assertTrue(ResourceManagerServiceGrpc.newBlockingStub(clients.channel("127.0.0.1", rpc.getPort()))
                        .withDeadlineAfter(5, TimeUnit.SECONDS).heartbeat(TaskExecutorHeartbeat.getDefaultInstance()).getKnown());
            }
            try (RpcClients stranger = new RpcClients(withStores(bare, theirs), 1 << 20)) {
                StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ResourceManagerServiceGrpc
                        .newBlockingStub(stranger.channel("127.0.0.1", rpc.getPort())).withDeadlineAfter(5, TimeUnit.SECONDS)
                        .heartbeat(TaskExecutorHeartbeat.getDefaultInstance()));
                assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
            }
        }
    }
}
