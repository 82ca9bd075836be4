package dev.spindle.runtime.rest;

import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.tls.ChannelSecurity;
import dev.spindle.runtime.security.tls.SslContexts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;

/**
 * HTTP clients of a cluster's REST endpoint (the CLI's REST client, tests, benchmarks): over
 * HTTPS they trust exactly the application's certificate (or the configured REST truststore),
 * and they refuse to send the secret over plain HTTP unless this process switched REST TLS off.
 */
public final class RestHttpClients {

    private RestHttpClients() {
    }

    /** A builder set up for {@code baseUrl}; callers add timeouts and the like. */
    public static HttpClient.Builder builder(ClusterSecret secret, URI baseUrl) throws IOException {
        HttpClient.Builder builder = HttpClient.newBuilder();
        SSLContext tls = sslContext(secret, baseUrl);
        if (tls != null) {
            builder.sslContext(tls);
        }
        return builder;
    }

    /**
     * The TLS context for calls to {@code baseUrl}, null for a plain-HTTP one (allowed only when
     * this process switched REST TLS off), for clients that do not use {@link HttpClient}.
     */
    public static SSLContext sslContext(ClusterSecret secret, URI baseUrl) throws IOException {
        ChannelSecurity rest = secret.transport().rest();
        if ("https".equalsIgnoreCase(baseUrl.getScheme())) {
            // A cluster may serve HTTPS to a client that switched REST TLS off for itself: pin the certificate then too.
            ChannelSecurity channel = rest.isTls() ? rest : ChannelSecurity.GENERATED;
            return SslContexts.client(channel, secret.hasTlsIdentity() ? secret.tlsIdentity() : null);
        }
        if (rest.isTls()) {
            throw new IOException("Refusing to send the cluster secret in clear to " + baseUrl + ": that REST endpoint is plain HTTP,"
                    + " but security.ssl.rest.enabled is true here (a cluster serves HTTPS unless it was started with"
                    + " security.ssl.rest.enabled: false).");
        }
        return null;
    }
}
