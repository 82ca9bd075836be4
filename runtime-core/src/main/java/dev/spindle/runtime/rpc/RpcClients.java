package dev.spindle.runtime.rpc;

import dev.spindle.runtime.security.BearerToken;
import dev.spindle.runtime.security.ClusterSecret;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One gRPC channel per remote address, all presenting the cluster secret. */
public final class RpcClients implements AutoCloseable {

    private final ClusterSecret secret;
    private final int maxMessageBytes;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public RpcClients(ClusterSecret secret, int maxMessageBytes) {
        this.secret = secret;
        this.maxMessageBytes = maxMessageBytes;
    }

    public ManagedChannel channel(String host, int port) {
        if (closed) {
            throw new IllegalStateException("RPC clients are closed");
        }
        return channels.computeIfAbsent(host + ":" + port, k -> NettyChannelBuilder.forAddress(host, port)
                .usePlaintext()
                .maxInboundMessageSize(maxMessageBytes)
                .intercept(BearerToken.clientInterceptor(secret))
                .build());
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
