package dev.spindle.runtime.rpc;

import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.tls.ChannelSecurity;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * Netty TLS contexts for the internal gRPC connections. Both ends present a certificate and
 * check the other's (mutual TLS, like Flink's internal SSL): with the generated identity every
 * AM and TaskExecutor holds the same key, so a peer without it cannot even open a connection.
 * TLS 1.3 only: both ends are Spindle.
 */
final class GrpcTls {

    private GrpcTls() {
    }

    static SslContext server(ClusterSecret secret) throws SSLException {
        ChannelSecurity channel = secret.transport().internal();
        TlsParts parts = TlsParts.of(channel, secret);
        return GrpcSslContexts.configure(SslContextBuilder.forServer(parts.keyManager).trustManager(parts.trustManager)
                .clientAuth(ClientAuth.REQUIRE).protocols("TLSv1.3")).build();
    }

    static SslContext client(ClusterSecret secret) throws SSLException {
        ChannelSecurity channel = secret.transport().internal();
        TlsParts parts = TlsParts.of(channel, secret);
        return GrpcSslContexts.configure(SslContextBuilder.forClient().keyManager(parts.keyManager).trustManager(parts.trustManager)
                .protocols("TLSv1.3")).build();
    }

    /** The first X.509 key and trust managers of a channel's material. */
    private record TlsParts(X509KeyManager keyManager, X509TrustManager trustManager) {
        static TlsParts of(ChannelSecurity channel, ClusterSecret secret) {
            var identity = secret.hasTlsIdentity() ? secret.tlsIdentity() : null;
            return new TlsParts(first(channel.keyManagers(identity), X509KeyManager.class),
                    first(channel.trustManagers(identity), X509TrustManager.class));
        }
    }

    private static <T> T first(Object[] managers, Class<T> type) {
        for (Object m : managers) {
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
        throw new IllegalStateException("no " + type.getSimpleName() + " among " + managers.length + " managers");
    }
}
