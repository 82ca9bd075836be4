package dev.spindle.runtime.rpc;

import dev.spindle.runtime.security.BearerToken;
import dev.spindle.runtime.security.ClusterSecret;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * One gRPC channel per remote address, all presenting the cluster secret over TLS that trusts
 * only the application's certificate (or the configured truststore).
 */
public final class RpcClients implements AutoCloseable {

    private final ClusterSecret secret;
    private final int maxMessageBytes;
    /** Null when TLS is switched off; built once, shared by every channel. */
    private final SslContext tls;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    /** Applied to every call before the secret is added; null for none (tests inject faults here). */
    private final ClientInterceptor outgoing;
    private final RpcKeepAlive keepAlive;
    private volatile boolean closed;

    public RpcClients(ClusterSecret secret, int maxMessageBytes) {
        this(secret, maxMessageBytes, null);
    }

    /** @param outgoing sees every call these clients make (a test's fault injection); null for none */
    public RpcClients(ClusterSecret secret, int maxMessageBytes, ClientInterceptor outgoing) {
        this(secret, maxMessageBytes, outgoing, RpcKeepAlive.defaults());
    }

    /** @param keepAlive how every channel finds out that its peer vanished */
    public RpcClients(ClusterSecret secret, int maxMessageBytes, ClientInterceptor outgoing, RpcKeepAlive keepAlive) {
        this.keepAlive = keepAlive;
        this.secret = secret;
        this.maxMessageBytes = maxMessageBytes;
        this.outgoing = outgoing;
        try {
            this.tls = secret.transport().internal().isTls() ? GrpcTls.client(secret) : null;
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for RPC: " + e.getMessage(), e);
        }
    }

    public ManagedChannel channel(String host, int port) {
        if (closed) {
            throw new IllegalStateException("RPC clients are closed");
        }
        return channels.computeIfAbsent(host + ":" + port, k -> {
            NettyChannelBuilder builder = NettyChannelBuilder.forAddress(host, port);
            if (tls != null) {
                builder.sslContext(tls);
            } else {
                builder.usePlaintext();
            }
            // pings on idle connections too: a data stream waiting for its first buffer has no deadline
            builder.keepAliveTime(keepAlive.time().toMillis(), TimeUnit.MILLISECONDS)
                    .keepAliveTimeout(keepAlive.timeout().toMillis(), TimeUnit.MILLISECONDS).keepAliveWithoutCalls(true);
            builder.maxInboundMessageSize(maxMessageBytes).intercept(BearerToken.clientInterceptor(secret));
            if (outgoing != null) {
                // interceptors added last run first: the injected one sees the call as the caller made it
                builder.intercept(outgoing);
            }
            return builder.build();
        });
    }

    @Override
    public void close() {
        closed = true;
        for (ManagedChannel c : channels.values()) {
            c.shutdownNow();
        }
        for (ManagedChannel c : channels.values()) {
            try {
                c.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        channels.clear();
    }
}
