package dev.spindle.runtime.security.tls;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.net.ssl.SSLContext;

/** JDK {@link SSLContext}s (Jetty, java.net.http) for a channel: TLS 1.3 only. */
public final class SslContexts {

    private SslContexts() {
    }

    /** A server's context: presents the channel's certificate. */
    public static SSLContext server(ChannelSecurity channel, TlsIdentity identity) {
        return create(channel, identity, true);
    }

    /** A REST client's context: checks the server (pinned or by truststore), presents nothing. */
    public static SSLContext client(ChannelSecurity channel, TlsIdentity identity) {
        return create(channel, identity, false);
    }

    private static SSLContext create(ChannelSecurity channel, TlsIdentity identity, boolean withKeys) {
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(withKeys ? channel.keyManagers(identity) : null, withKeys ? null : channel.trustManagers(identity), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
