package dev.spindle.runtime.rest;

import dev.spindle.runtime.dispatcher.Dispatcher;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.resourcemanager.ResourceManager;
import dev.spindle.runtime.rpc.Hosts;
import dev.spindle.runtime.security.ClusterSecret;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import dev.spindle.runtime.security.tls.SslContexts;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cluster's REST endpoint and web UI (Jetty, HTTPS only by default), serving {@link RestHandler}. */
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
        boolean tls = secret.transport().rest().isTls();
        ServerConnector connector = tls ? httpsConnector(server, secret) : new ServerConnector(server, 1, 1);
        if (!tls) {
            LOG.warn("TLS IS SWITCHED OFF for the REST endpoint (security.ssl.rest.enabled: false): the cluster secret travels"
                    + " in clear in every request, and anyone on the network can take over this application");
        }
        InetSocketAddress address = bindHost == null ? new InetSocketAddress(port) : new InetSocketAddress(bindHost, port);
        connector.setHost(address.getHostString());
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new RestHandler(secret, dispatcher, resourceManager, shutDownRequest, maxRequestBytes));
        server.setStopTimeout(1000);
        server.start();
        String url = (tls ? "https://" : "http://") + Hosts.advertisedHost(bindHost) + ":" + connector.getLocalPort();
        LOG.info("REST endpoint and web UI at {}", url);
        return new RestServer(server, url);
    }

    /**
     * The only connector: TLS 1.3 with the application's certificate (or the configured keystore).
     * A plain HTTP request to it fails the handshake; nothing is served without TLS.
     */
    private static ServerConnector httpsConnector(Server server, ClusterSecret secret) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(SslContexts.server(secret.transport().rest(), secret.hasTlsIdentity() ? secret.tlsIdentity() : null));
        ssl.setIncludeProtocols("TLSv1.3");
        HttpConfiguration https = new HttpConfiguration();
        // Clients pin the certificate, so the host name they used (SNI) need not match it.
        https.addCustomizer(new SecureRequestCustomizer(false));
        return new ServerConnector(server, 1, 1, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
    }

    public String getUrl() {
        return url;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
