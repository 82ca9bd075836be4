package dev.spindle.runtime.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random per-application secret that TaskExecutors and REST clients must present. It travels
 * only in YARN container credentials and the owner-only properties file, never in a command line,
 * environment variable, configuration file or log line: {@link #toString()} hides it.
 */
public final class ClusterSecret {

    /** Alias under which the secret is stored in YARN container credentials. */
    public static final String CREDENTIALS_ALIAS = "spindle.cluster.secret";

    private final byte[] bytes;

    private ClusterSecret(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public static ClusterSecret generate() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return new ClusterSecret(b);
    }

    public static ClusterSecret fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < 16) {
            throw new IllegalArgumentException("cluster secret must have at least 16 bytes");
        }
        return new ClusterSecret(bytes);
    }

    public static ClusterSecret fromBase64(String text) {
        return fromBytes(Base64.getUrlDecoder().decode(text.trim()));
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    /** The form sent in the {@code Authorization: Bearer} header and gRPC metadata. */
    public String toBase64() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Constant-time comparison with a presented token. */
    public boolean matches(String presentedBase64) {
        if (presentedBase64 == null) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(presentedBase64.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(bytes, presented);
    }

    @Override
    public String toString() {
        return "ClusterSecret(****)";
    }
}
