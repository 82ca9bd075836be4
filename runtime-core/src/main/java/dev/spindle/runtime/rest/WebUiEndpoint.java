package dev.spindle.runtime.rest;

import java.nio.file.Path;

/**
 * The second, read-only entry point of the REST endpoint that the cluster manager's web proxy
 * reaches: the browser-facing tracking URL.
 *
 * <p>Why it is separate: the main endpoint is HTTPS with a per-application self-signed certificate
 * that only Spindle's clients pin, so a proxy cannot verify it, and every route there needs the
 * cluster secret, which a browser does not have. This entry point serves only read-only routes to
 * requests the {@link ProxyRequestAuthorizer} traces to the proxy, and never accepts the secret,
 * so nothing that travels over it (plain HTTP when the cluster manager provisions no key) can be
 * used to change the application.
 *
 * @param proxyTls the cluster manager's key and truststore for this application (YARN's
 *     RM-provisioned AM keystore); when present the entry point is HTTPS and requires a client
 *     certificate from that truststore, which only the proxy holds; when null it is plain HTTP
 * @param authorizer traces requests to the proxy
 */
public record WebUiEndpoint(ProxyTls proxyTls, ProxyRequestAuthorizer authorizer) {

    /** A keystore and truststore handed to the application by the cluster manager. */
    public record ProxyTls(Path keystore, String keystorePassword, Path truststore, String truststorePassword) {
    }
}
