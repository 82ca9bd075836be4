package dev.spindle.runtime.security.tls;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;

/**
 * An application's TLS identity: an EC P-256 key pair and its self-signed certificate, made by
 * the client at submission. Servers (AM, TaskExecutors) hold the private key; clients hold a copy
 * without it ({@link #withoutPrivateKey()}) and pin the certificate.
 */
public final class TlsIdentity {

    /**
     * Clients pin the exact certificate, so the names only document what the certificate is for;
     * the validity is long because a session may run for years and pinning ignores dates anyway.
     */
    private static final List<String> DNS_NAMES = List.of("localhost");
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final Duration CLOCK_SKEW = Duration.ofHours(1);
    private static final char[] IN_MEMORY_PASSWORD = "spindle".toCharArray();

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private TlsIdentity(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    public static TlsIdentity generate() {
        try {
            SecureRandom random = new SecureRandom();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X509Certificate cert = SelfSignedCertificate.create(pair, "Spindle application", DNS_NAMES,
                    List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")), now.minus(CLOCK_SKEW), now.plus(VALIDITY),
                    random);
            return new TlsIdentity(pair.getPrivate(), cert);
        } catch (GeneralSecurityException | java.net.UnknownHostException e) {
            throw new IllegalStateException("this JVM cannot create an EC P-256 certificate: " + e, e);
        }
    }

    /** From the DER certificate and, for a server's copy, the PKCS#8 DER private key (null for a client's copy). */
    public static TlsIdentity decode(byte[] certificateDer, byte[] privateKeyPkcs8) {
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificateDer));
            PrivateKey key = privateKeyPkcs8 == null ? null
                    : KeyFactory.getInstance(cert.getPublicKey().getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(privateKeyPkcs8));
            return new TlsIdentity(key, cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid TLS identity (certificate or private key unreadable): " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public byte[] certificateDer() {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean hasPrivateKey() {
        return privateKey != null;
    }

    /** PKCS#8 DER of the private key; only a server's copy has one. */
    public byte[] privateKeyDer() {
        return requirePrivateKey().getEncoded();
    }

    /** What a client keeps: the certificate to pin, not the key. */
    public TlsIdentity withoutPrivateKey() {
        return new TlsIdentity(null, certificate);
    }

    /** Key managers presenting this certificate (a server's, or an internal RPC client's for mutual TLS). */
    public KeyManager[] keyManagers() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("spindle", requirePrivateKey(), IN_MEMORY_PASSWORD, new Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, IN_MEMORY_PASSWORD);
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot load the application's key into a key store: " + e, e);
        }
    }

    /** Trust managers that accept exactly this certificate. */
    public TrustManager[] trustManagers() {
        return new TrustManager[] {new PinnedCertificateTrustManager(certificate)};
    }

    public String fingerprint() {
        return PinnedCertificateTrustManager.fingerprint(certificateDer());
    }

    private PrivateKey requirePrivateKey() {
        if (privateKey == null) {
            throw new IllegalStateException("this copy of the application's TLS identity has only the certificate (a client's copy);"
                    + " serving TLS needs the private key, which only the application's containers receive");
        }
        return privateKey;
    }

    @Override
    public String toString() {
        return "TlsIdentity(SHA-256 " + fingerprint() + (privateKey == null ? ", certificate only)" : ", with private key)");
    }
}
