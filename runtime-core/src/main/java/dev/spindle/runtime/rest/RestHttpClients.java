package dev.spindle.runtime.rest;

import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.tls.ChannelSecurity;
import dev.spindle.runtime.security.tls.SslContexts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;

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
        ChannelSecurity rest = secret.transport().rest();
        HttpClient.Builder builder = HttpClient.newBuilder();
        if ("https".equalsIgnoreCase(baseUrl.getScheme())) {
            // A cluster may serve HTTPS to a client that switched REST TLS off for itself: pin the certificate then too.
            ChannelSecurity channel = rest.isTls() ? rest : ChannelSecurity.GENERATED;
            builder.sslContext(SslContexts.client(channel, secret.hasTlsIdentity() ? secret.tlsIdentity() : null));
        } else if (rest.isTls()) {
            throw new IOException("Refusing to send the cluster secret in clear to " + baseUrl + ": that REST endpoint is plain HTTP,"
                    + " but security.ssl.rest.enabled is true here (a cluster serves HTTPS unless it was started with"
                    + " security.ssl.rest.enabled: false).");
        }
        return builder;
    }
}
