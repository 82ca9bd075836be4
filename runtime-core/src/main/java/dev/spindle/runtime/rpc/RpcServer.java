package dev.spindle.runtime.rpc;

import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.SecretServerInterceptor;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gRPC server of a process; every service behind it requires the cluster secret, and the
 * port speaks TLS only (unless {@code security.ssl.internal.enabled} is false).
 */
public final class RpcServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);

    private final Server server;
    private final String advertisedHost;

    private RpcServer(Server server, String advertisedHost) {
        this.server = server;
        this.advertisedHost = advertisedHost;
    }

    public static RpcServer start(String bindHost, int port, ClusterSecret secret, int maxMessageBytes, List<BindableService> services)
            throws IOException {
        return start(bindHost, port, secret, maxMessageBytes, services, RpcKeepAlive.defaults());
    }

    /** @param keepAlive how the server finds out that a client vanished, and how often clients may ping it */
    public static RpcServer start(String bindHost, int port, ClusterSecret secret, int maxMessageBytes, List<BindableService> services,
            RpcKeepAlive keepAlive) throws IOException {
        InetSocketAddress address = bindHost == null ? new InetSocketAddress(port) : new InetSocketAddress(bindHost, port);
        NettyServerBuilder builder = NettyServerBuilder.forAddress(address).maxInboundMessageSize(maxMessageBytes)
                .keepAliveTime(keepAlive.time().toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveTimeout(keepAlive.timeout().toMillis(), TimeUnit.MILLISECONDS)
                // clients ping as often as this too, idle or not; the default policy would answer them with GOAWAY
                .permitKeepAliveTime(keepAlive.time().toMillis(), TimeUnit.MILLISECONDS).permitKeepAliveWithoutCalls(true);
        boolean tls = secret.transport().internal().isTls();
        if (tls) {
            // With TLS on the port, a plaintext HTTP/2 connection fails its handshake before any call is read.
            builder.sslContext(GrpcTls.server(secret));
        } else {
            LOG.warn("TLS IS SWITCHED OFF for RPC and data exchange (security.ssl.internal.enabled: false): the cluster secret"
                    + " and all records travel in clear, and anyone on the network can take over this application");
        }
        SecretServerInterceptor auth = new SecretServerInterceptor(secret);
        for (BindableService service : services) {
            builder.addService(ServerInterceptors.intercept(service, auth));
        }
        Server server = builder.build().start();
        String advertised = Hosts.advertisedHost(bindHost);
        LOG.info("RPC server listening on {}:{} ({} services, {})", advertised, server.getPort(), services.size(),
                tls ? "TLS " + secret.transport().internal() : "PLAINTEXT");
        return new RpcServer(server, advertised);
    }

    /**
     * Loads the native parts of the RPC transport (netty's OpenSSL binding, a library extracted and
     * loaded in ~0.4 s of a cold JVM, and epoll) on a daemon thread, so that a process starting up
     * can have a spare core do it while it reads its configuration; the first server or channel
     * then finds them loaded (or waits for the load under way instead of doing it twice).
     */
    public static void preloadTransportInBackground() {
        Thread t = new Thread(() -> {
            io.grpc.netty.shaded.io.netty.handler.ssl.OpenSsl.isAvailable();
            io.grpc.netty.shaded.io.netty.channel.epoll.Epoll.isAvailable();
        }, "rpc-transport-preload");
        t.setDaemon(true);
        t.start();
    }

    public String getHost() {
        return advertisedHost;
    }

    public int getPort() {
        return server.getPort();
    }

    /** Stops at once: used to simulate and to carry out an abrupt process end. */
    public void kill() {
        server.shutdownNow();
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
