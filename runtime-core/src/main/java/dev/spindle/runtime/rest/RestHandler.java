package dev.spindle.runtime.rest;

import dev.spindle.runtime.dispatcher.Dispatcher;
import dev.spindle.runtime.jars.UserJarStore;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.resourcemanager.ResourceManager;
import dev.spindle.runtime.security.BearerToken;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.RefusalLog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the REST API (JSON) and the web UI, deciding first who may do what.
 *
 * <p>On the main (HTTPS) connector every request must carry {@code Authorization: Bearer
 * <cluster secret>}; anything else gets 401 and changes nothing. On the web UI connector (see
 * {@link WebUiEndpoint}) the secret is never accepted; a request the proxy authorizer traces to
 * the web proxy may use the read-only routes, and nothing else is served there. When REST TLS is
 * switched off the main connector is plain HTTP and the proxy reaches it directly: there a request
 * without the secret but traced to the proxy gets the read-only routes too.
 */
final class RestHandler extends AbstractHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RestHandler.class);
    /** What {@code stop} does; see {@link JobRoutes#STOP_SEMANTICS}. */
    static final String STOP_SEMANTICS = JobRoutes.STOP_SEMANTICS;
    /** Name of the Jetty connector of the web UI entry point. */
    static final String WEB_UI_CONNECTOR = "web-ui";

    private final ClusterSecret secret;
    private final ProxyRequestAuthorizer proxyAuthorizer;
    /** Whether the main connector also serves proxied read-only requests: when it is plain HTTP, the proxy reaches it directly. */
    private final boolean proxyOnMainConnector;
    private final RefusalLog refusals = new RefusalLog(LOG);
    private final List<Route> routes = new ArrayList<>();

    RestHandler(ClusterSecret secret, ProxyRequestAuthorizer proxyAuthorizer, boolean proxyOnMainConnector, Dispatcher dispatcher, ResourceManager resourceManager,
            CompletableFuture<ApplicationStatus> shutDownRequest, int maxRequestBytes, UserJarStore jarStore) {
        this.secret = secret;
        this.proxyAuthorizer = proxyAuthorizer;
        this.proxyOnMainConnector = proxyOnMainConnector;
        routes.addAll(new WebUiRoutes(dispatcher).routes());
        routes.addAll(new ClusterRoutes(dispatcher, resourceManager, shutDownRequest).routes());
        routes.addAll(new JobRoutes(dispatcher, maxRequestBytes).routes());
        routes.addAll(new MetricsRoutes(dispatcher, resourceManager).routes());
        routes.addAll(new JarRoutes(jarStore).routes());
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        baseRequest.setHandled(true);
        String method = request.getMethod();
        boolean webUiConnector = WEB_UI_CONNECTOR.equals(baseRequest.getHttpChannel().getConnector().getName());
        String webUiPrefix = RestServer.WEB_UI_PATH.substring(0, RestServer.WEB_UI_PATH.length() - 1);
        if (webUiConnector && (target.equals(webUiPrefix) || target.startsWith(RestServer.WEB_UI_PATH))) {
            target = target.substring(webUiPrefix.length());
        }
        String path = target.length() > 1 && target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        if (path.isEmpty()) {
            path = "/";
        }
        boolean readOnlyAccess;
        if (!webUiConnector && secret.matches(BearerToken.parse(request.getHeader("Authorization")))) {
            readOnlyAccess = false;
        } else if ((webUiConnector || proxyOnMainConnector) && proxyViewer(request).isPresent()) {
            readOnlyAccess = true;
        } else if (webUiConnector) {
            refusals.refused(request.getRemoteAddr(), "web UI " + method + " " + path, "not through the web proxy");
            String proxy = proxyAuthorizer == null ? null : proxyAuthorizer.proxyUrl();
            writeError(response, 403, "this entry point serves the web UI through the cluster's web proxy only"
                    + (proxy == null ? "" : ": open " + proxy));
            return;
        } else {
            refusals.refused(request.getRemoteAddr(), "REST " + method + " " + path, "missing or wrong cluster secret");
            writeError(response, 401, "missing or wrong cluster secret: send 'Authorization: Bearer <secret>'");
            return;
        }
        try {
            route(method, path, readOnlyAccess, request, response);
        } catch (RestError e) {
            writeError(response, e.status, e.getMessage());
        } catch (Exception e) {
            LOG.warn("REST {} {} failed", method, path, e);
            writeError(response, 500, String.valueOf(e.getMessage()));
        }
    }

    private Optional<String> proxyViewer(HttpServletRequest request) {
        return proxyAuthorizer == null ? Optional.empty() : proxyAuthorizer.viewer(request);
    }

    private void route(String method, String path, boolean readOnlyAccess, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        List<String> allowed = new ArrayList<>();
        for (Route route : routes) {
            Map<String, String> params = route.match(path.isEmpty() ? "/" : path);
            if (params == null) {
                continue;
            }
            if (!route.method().equals(method)) {
                allowed.add(route.method());
                continue;
            }
            if (readOnlyAccess && !route.readOnly()) {
                throw new RestError(403, method + " " + path + " changes the application: it needs the cluster secret on the HTTPS"
                        + " REST endpoint; the web proxy entry point is read-only");
            }
            route.action().serve(new RestExchange(request, response, params));
            return;
        }
        if (!allowed.isEmpty()) {
            throw new RestError(405, "method " + method + " not allowed here; use " + String.join(" or ", allowed));
        }
        throw new RestError(404, "no such resource: " + method + " " + path);
    }

    private static void writeError(HttpServletResponse response, int status, String message) throws IOException {
        new RestExchange(null, response, Map.of()).json(status, Map.of("error", message));
    }
}
