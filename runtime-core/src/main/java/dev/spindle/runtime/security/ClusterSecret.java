package dev.spindle.runtime.security;

import dev.spindle.runtime.security.tls.TlsIdentity;
import dev.spindle.runtime.security.tls.TransportSecurity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The application's credentials: the random secret that TaskExecutors and REST clients must
 * present, and the application's TLS identity (key pair and self-signed certificate) that servers
 * present and clients pin. Both travel together, only in YARN container credentials (with the
 * private key) and in the owner-only client files (certificate only), never in a command line,
 * environment variable, configuration file or log line: {@link #toString()} hides them.
 *
 * <p>Inside a process the secret also carries that process's {@link TransportSecurity} (from
 * {@code security.ssl.*}), so every channel built from it knows whether and how to use TLS.
 */
public final class ClusterSecret {

    /** Alias under which the secret is stored in YARN container credentials. */
    public static final String CREDENTIALS_ALIAS = "spindle.cluster.secret";

    /** Starts the serialized form; raw secrets of earlier versions (random bytes only) lack it. */
    private static final byte[] MAGIC = "SPNDLSEC".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;

    private final byte[] bytes;
    private final TlsIdentity identity;
    private final TransportSecurity transport;

    private ClusterSecret(byte[] bytes, TlsIdentity identity, TransportSecurity transport) {
        if (bytes == null || bytes.length < 16) {
            throw new IllegalArgumentException("cluster secret must have at least 16 bytes");
        }
        this.bytes = bytes.clone();
        this.identity = identity;
        this.transport = transport;
    }

    /** A fresh secret and a fresh TLS identity. */
    public static ClusterSecret generate() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return new ClusterSecret(b, TlsIdentity.generate(), TransportSecurity.DEFAULT);
    }

    /** A secret with a given identity, e.g. a wrong secret over the right certificate in tests. */
    public static ClusterSecret of(byte[] secret, TlsIdentity identity) {
        return new ClusterSecret(secret, identity, TransportSecurity.DEFAULT);
    }

    /**
     * Reads {@link #toBytes()}. The raw secret of a Spindle version without TLS is refused: an
     * application whose containers hold no certificate cannot be served over TLS.
     */
    public static ClusterSecret fromBytes(byte[] serialized) {
        if (serialized == null || serialized.length < MAGIC.length || !Arrays.equals(serialized, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IllegalArgumentException("The cluster secret (" + (serialized == null ? 0 : serialized.length) + " bytes) carries no"
                    + " TLS identity: it was written by a Spindle client without TLS. Submit the application again with this version.");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized, MAGIC.length, serialized.length - MAGIC.length))) {
            int version = in.readUnsignedByte();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("cluster secret format version " + version + ", this Spindle reads " + FORMAT_VERSION);
            }
            byte[] secret = readField(in);
            byte[] certificate = readField(in);
            byte[] key = readField(in);
            if (in.available() > 0) {
                throw new IllegalArgumentException("cluster secret has " + in.available() + " trailing bytes");
            }
            return new ClusterSecret(secret, TlsIdentity.decode(certificate, key.length == 0 ? null : key), TransportSecurity.DEFAULT);
        } catch (IOException e) {
            throw new IllegalArgumentException("cluster secret is truncated: " + e, e);
        }
    }

    /** The bare secret (the bearer token form) without any TLS identity: for tokens and tests only. */
    public static ClusterSecret fromBase64(String text) {
        return new ClusterSecret(Base64.getUrlDecoder().decode(text.trim()), null, TransportSecurity.DEFAULT);
    }

    /** What a client keeps: the token and the certificate to pin (see {@link #certificateBase64()}). */
    public static ClusterSecret forClient(String tokenBase64, String certificateBase64) {
        return new ClusterSecret(Base64.getUrlDecoder().decode(tokenBase64.trim()),
                TlsIdentity.decode(Base64.getDecoder().decode(certificateBase64.trim()), null), TransportSecurity.DEFAULT);
    }

    /** Magic, version, then secret, certificate and private key (empty for a client's copy), each length-prefixed. */
    public byte[] toBytes() {
        if (identity == null) {
            throw new IllegalStateException("a cluster secret without TLS identity cannot be handed to containers");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.write(MAGIC);
            data.writeByte(FORMAT_VERSION);
            writeField(data, bytes);
            writeField(data, identity.certificateDer());
            writeField(data, identity.hasPrivateKey() ? identity.privateKeyDer() : new byte[0]);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void writeField(DataOutputStream out, byte[] field) throws IOException {
        out.writeShort(field.length);
        out.write(field);
    }

    private static byte[] readField(DataInputStream in) throws IOException {
        byte[] field = new byte[in.readUnsignedShort()];
        in.readFully(field);
        return field;
    }

    /** The form sent in the {@code Authorization: Bearer} header and gRPC metadata (the secret only, never the key). */
    public String toBase64() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The certificate clients pin, Base64 DER; the private key never leaves the application's containers. */
    public String certificateBase64() {
        return Base64.getEncoder().encodeToString(tlsIdentity().certificateDer());
    }

    /** The application's TLS identity; servers' copies have the private key, clients' only the certificate. */
    public TlsIdentity tlsIdentity() {
        if (identity == null) {
            throw new IllegalStateException("this cluster secret carries no TLS identity (written by a Spindle version without TLS?)");
        }
        return identity;
    }

    public boolean hasTlsIdentity() {
        return identity != null;
    }

    /** A copy without the private key, for what a client keeps on disk. */
    public ClusterSecret withoutPrivateKey() {
        return new ClusterSecret(bytes, identity == null ? null : identity.withoutPrivateKey(), transport);
    }

    /** The same credentials used the way {@code transport} says (this process's {@code security.ssl.*}). */
    public ClusterSecret withTransport(TransportSecurity transport) {
        return new ClusterSecret(bytes, identity, transport);
    }

    public TransportSecurity transport() {
        return transport;
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
