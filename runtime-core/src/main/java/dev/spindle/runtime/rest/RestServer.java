package dev.spindle.runtime.rest;

import dev.spindle.runtime.dispatcher.Dispatcher;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.resourcemanager.ResourceManager;
import dev.spindle.runtime.rpc.Hosts;
import dev.spindle.runtime.security.ClusterSecret;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cluster's REST endpoint and web UI (Jetty), serving {@link RestHandler}. */
public final class RestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    private final Server server;
    private final String url;

    private RestServer(Server server, String url) {
        this.server = server;
        this.url = url;
    }

    public static RestServer start(String bindHost, int port, ClusterSecret secret, Dispatcher dispatcher, ResourceManager resourceManager,
            CompletableFuture<ApplicationStatus> shutDownRequest, int maxRequestBytes) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2, 60_000);
        threads.setName("rest");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        InetSocketAddress address = bindHost == null ? new InetSocketAddress(port) : new InetSocketAddress(bindHost, port);
        connector.setHost(address.getHostString());
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new RestHandler(secret, dispatcher, resourceManager, shutDownRequest, maxRequestBytes));
        server.setStopTimeout(1000);
        server.start();
        String url = "http://" + Hosts.advertisedHost(bindHost) + ":" + connector.getLocalPort();
        LOG.info("REST endpoint and web UI at {}", url);
        return new RestServer(server, url);
    }

    public String getUrl() {
        return url;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
