package dev.spindle.runtime.rest;

import dev.spindle.runtime.dispatcher.Dispatcher;
import dev.spindle.runtime.jars.UserJarStore;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.resourcemanager.ResourceManager;
import dev.spindle.runtime.rpc.Hosts;
import dev.spindle.runtime.security.ClusterSecret;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import dev.spindle.runtime.security.tls.SslContexts;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cluster's REST endpoint and web UI (Jetty, HTTPS only by default), serving {@link RestHandler}. */
public final class RestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    /**
     * Path of the tracking URL when the web UI has its own connector. It tells a client reading
     * the cluster manager's report that the tracking URL is not the REST endpoint, whose port is
     * then the one registered beside it.
     */
    public static final String WEB_UI_PATH = "/web/";

    /** How long stop() lets requests in flight finish. */
    static final long STOP_TIMEOUT_MILLIS = 2000;

    private final Server server;
    private final String url;
    private final String trackingUrl;

    private RestServer(Server server, String url, String trackingUrl) {
        this.server = server;
        this.url = url;
        this.trackingUrl = trackingUrl;
    }

    /** Starts the endpoint without a web proxy entry point: every request needs the secret. */
    public static RestServer start(String bindHost, int port, ClusterSecret secret, Dispatcher dispatcher, ResourceManager resourceManager,
            CompletableFuture<ApplicationStatus> shutDownRequest, int maxRequestBytes) throws Exception {
        return start(bindHost, port, secret, null, dispatcher, resourceManager, shutDownRequest, maxRequestBytes, null);
    }

    /**
     * Starts the endpoint; with {@code webUi} it also serves the read-only web UI to requests that
     * come through the cluster manager's web proxy (on a connector of their own when REST is HTTPS);
     * with {@code jarStore} (a session's) it takes user jars on {@code /v1/jars}.
     */
    public static RestServer start(String bindHost, int port, ClusterSecret secret, WebUiEndpoint webUi, Dispatcher dispatcher,
            ResourceManager resourceManager, CompletableFuture<ApplicationStatus> shutDownRequest, int maxRequestBytes,
            UserJarStore jarStore) throws Exception {
        return start(bindHost, port, secret, webUi, new RestHandler(secret, webUi == null ? null : webUi.authorizer(),
                webUi != null && !secret.transport().rest().isTls(), dispatcher, resourceManager, shutDownRequest, maxRequestBytes,
                jarStore));
    }

    /** Starts the endpoint serving {@code handler}; the seam for tests of the server itself. */
    static RestServer start(String bindHost, int port, ClusterSecret secret, WebUiEndpoint webUi, Handler handler) throws Exception {
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
        // With plain REST the proxy reaches the main connector; with HTTPS (a certificate only Spindle's clients pin) it needs its own.
        ServerConnector webUiConnector = webUi != null && tls ? webUiConnector(server, webUi) : null;
        if (webUiConnector != null) {
            webUiConnector.setHost(address.getHostString());
            server.addConnector(webUiConnector);
        }
        // Counting requests in flight makes stop() graceful: a per-job AM stops as soon as a cancel
        // ends its job, and that cancel's own answer must still reach the client.
        StatisticsHandler inFlight = new StatisticsHandler();
        inFlight.setHandler(handler);
        server.setHandler(inFlight);
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        server.start();
        String host = Hosts.advertisedHost(bindHost);
        String url = (tls ? "https://" : "http://") + host + ":" + connector.getLocalPort();
        String trackingUrl = webUiConnector == null ? url
                : (webUi.proxyTls() != null ? "https://" : "http://") + host + ":" + webUiConnector.getLocalPort() + WEB_UI_PATH;
        LOG.info("REST endpoint at {}, web UI (tracking URL) at {}", url, trackingUrl);
        return new RestServer(server, url, trackingUrl);
    }

    /**
     * The web proxy's entry point: HTTPS with the cluster manager's key when it provisioned one,
     * requiring a client certificate from its truststore (only the proxy has one), else plain HTTP.
     * Either way it serves read-only routes only and never accepts the secret (see {@link WebUiEndpoint}).
     */
    private static ServerConnector webUiConnector(Server server, WebUiEndpoint webUi) {
        ServerConnector connector;
        WebUiEndpoint.ProxyTls proxyTls = webUi.proxyTls();
        if (proxyTls == null) {
            connector = new ServerConnector(server, 1, 1);
        } else {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(proxyTls.keystore().toString());
            ssl.setKeyStorePassword(proxyTls.keystorePassword());
            ssl.setTrustStorePath(proxyTls.truststore().toString());
            ssl.setTrustStorePassword(proxyTls.truststorePassword());
            ssl.setNeedClientAuth(true);
            HttpConfiguration https = new HttpConfiguration();
            https.addCustomizer(new SecureRequestCustomizer(false));
            connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(https));
        }
        connector.setName(RestHandler.WEB_UI_CONNECTOR);
        connector.setPort(0);
        return connector;
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

    /** The browser-facing URL to register with the cluster manager: the web UI entry point, or the REST URL when there is none. */
    public String getTrackingUrl() {
        return trackingUrl;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
