package dev.spindle.runtime.rest;

import java.util.Optional;
import javax.servlet.http.HttpServletRequest;

/**
 * Decides whether a request that arrived on the web UI entry point came through the cluster
 * manager's web proxy (YARN's RM proxy), the seam through which a deployment lets browsers in
 * without the cluster secret. What such a request may do is fixed by the REST endpoint: read-only
 * routes only; anything that changes state still needs the secret on the HTTPS endpoint.
 */
public interface ProxyRequestAuthorizer {

    /** The viewer (the proxy's authenticated user, or "anonymous") if the request came through the proxy, empty to refuse it. */
    Optional<String> viewer(HttpServletRequest request);

    /** Where a browser that came directly should go instead (the proxy's address for this application), or null. */
    String proxyUrl();
}
