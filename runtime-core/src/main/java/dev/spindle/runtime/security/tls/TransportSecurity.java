package dev.spindle.runtime.security.tls;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.SecurityOptions;

/**
 * How this process protects its internal connections and its REST connections: the
 * {@code security.ssl.*} keys resolved once. Configuration, not a secret: it travels with the
 * {@link dev.spindle.runtime.security.ClusterSecret} inside a process but is never serialized.
 */
public record TransportSecurity(ChannelSecurity internal, ChannelSecurity rest) {

    /** TLS everywhere with the application's generated certificate. */
    public static final TransportSecurity DEFAULT = new TransportSecurity(ChannelSecurity.GENERATED, ChannelSecurity.GENERATED);

    public static TransportSecurity from(Configuration conf) {
        return new TransportSecurity(
                ChannelSecurity.from(conf, SecurityOptions.SSL_INTERNAL_ENABLED, SecurityOptions.SSL_INTERNAL_KEYSTORE,
                        SecurityOptions.SSL_INTERNAL_KEYSTORE_PASSWORD, SecurityOptions.SSL_INTERNAL_KEY_PASSWORD,
                        SecurityOptions.SSL_INTERNAL_TRUSTSTORE, SecurityOptions.SSL_INTERNAL_TRUSTSTORE_PASSWORD),
                ChannelSecurity.from(conf, SecurityOptions.SSL_REST_ENABLED, SecurityOptions.SSL_REST_KEYSTORE,
                        SecurityOptions.SSL_REST_KEYSTORE_PASSWORD, SecurityOptions.SSL_REST_KEY_PASSWORD,
                        SecurityOptions.SSL_REST_TRUSTSTORE, SecurityOptions.SSL_REST_TRUSTSTORE_PASSWORD));
    }
}
