package dev.spindle.runtime.security.tls;

import dev.spindle.configuration.ConfigOption;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.IllegalConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * How one kind of connection (internal RPC, or REST) is protected: TLS with the application's
 * generated identity (the default), TLS with the user's own keystore and truststore, or, when
 * switched off, nothing.
 */
public final class ChannelSecurity {

    /** The kind of TLS material a channel uses. */
    public enum Mode { GENERATED, KEYSTORES, PLAINTEXT }

    /** TLS with the application's generated certificate, pinned by clients. */
    public static final ChannelSecurity GENERATED = new ChannelSecurity(Mode.GENERATED, null, null, null, null, null);
    /** No TLS at all. */
    public static final ChannelSecurity PLAINTEXT = new ChannelSecurity(Mode.PLAINTEXT, null, null, null, null, null);

    private final Mode mode;
    private final String keystore;
    private final String keystorePassword;
    private final String keyPassword;
    private final String truststore;
    private final String truststorePassword;

    private ChannelSecurity(Mode mode, String keystore, String keystorePassword, String keyPassword, String truststore,
            String truststorePassword) {
        this.mode = mode;
        this.keystore = keystore;
        this.keystorePassword = keystorePassword;
        this.keyPassword = keyPassword;
        this.truststore = truststore;
        this.truststorePassword = truststorePassword;
    }

    /** Own keystores; the key password defaults to the keystore password, as in Flink. */
    public static ChannelSecurity keyStores(String keystore, String keystorePassword, String keyPassword, String truststore,
            String truststorePassword) {
        return new ChannelSecurity(Mode.KEYSTORES, keystore, keystorePassword, keyPassword == null ? keystorePassword : keyPassword,
                truststore, truststorePassword);
    }

    /** Reads one channel's keys; keystore and truststore come together or not at all. */
    static ChannelSecurity from(Configuration conf, ConfigOption<Boolean> enabled, ConfigOption<String> keystore,
            ConfigOption<String> keystorePassword, ConfigOption<String> keyPassword, ConfigOption<String> truststore,
            ConfigOption<String> truststorePassword) {
        if (!conf.get(enabled)) {
            return PLAINTEXT;
        }
        String ks = conf.getOptional(keystore).orElse(null);
        String ts = conf.getOptional(truststore).orElse(null);
        if (ks == null && ts == null) {
            return GENERATED;
        }
        if (ks == null || ts == null) {
            throw new IllegalConfigurationException((ks == null ? keystore.key() : truststore.key()) + " is not set but "
                    + (ks == null ? truststore.key() : keystore.key()) + " is: set both to use your own certificates, or neither to use"
                    + " the certificate Spindle generates for each application.");
        }
        return keyStores(ks, conf.getOptional(keystorePassword).orElse(null), conf.getOptional(keyPassword).orElse(null), ts,
                conf.getOptional(truststorePassword).orElse(null));
    }

    public Mode mode() {
        return mode;
    }

    public boolean isTls() {
        return mode != Mode.PLAINTEXT;
    }

    /** What presents this end's certificate. */
    public KeyManager[] keyManagers(TlsIdentity identity) {
        switch (mode) {
            case GENERATED:
                return requireIdentity(identity).keyManagers();
            case KEYSTORES:
                try {
                    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                    kmf.init(load(keystore, keystorePassword), chars(keyPassword));
                    return kmf.getKeyManagers();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Cannot use the key in keystore " + keystore + ": " + e.getMessage(), e);
                }
            default:
                throw new IllegalStateException("TLS is switched off for this channel");
        }
    }

    /** What decides whether the peer's certificate is trusted. */
    public TrustManager[] trustManagers(TlsIdentity identity) {
        switch (mode) {
            case GENERATED:
                return requireIdentity(identity).trustManagers();
            case KEYSTORES:
                try {
                    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                    tmf.init(load(truststore, truststorePassword));
                    return tmf.getTrustManagers();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("Cannot use truststore " + truststore + ": " + e.getMessage(), e);
                }
            default:
                throw new IllegalStateException("TLS is switched off for this channel");
        }
    }

    private static TlsIdentity requireIdentity(TlsIdentity identity) {
        if (identity == null) {
            throw new IllegalStateException("TLS needs the application's certificate, but this cluster secret carries none"
                    + " (written by a Spindle version without TLS?)");
        }
        return identity;
    }

    private static KeyStore load(String path, String password) {
        try {
            // The type (PKCS12 or JKS) is detected from the file's content.
            return KeyStore.getInstance(Path.of(path).toFile(), chars(password));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read keystore " + path + ": " + e.getMessage(), e);
        }
    }

    private static char[] chars(String password) {
        return password == null ? null : password.toCharArray();
    }

    @Override
    public String toString() {
        return mode == Mode.KEYSTORES ? "KEYSTORES(" + keystore + ", " + truststore + ")" : mode.name();
    }
}
