package dev.spindle.runtime.security.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SelfSignedCertificateTest {

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    @Test
    void derLengthsOidsAndTimesAreEncodedAsX690Says() {
        assertEquals("0400", hex(Der.octetString(new byte[0])));
        assertEquals("047f", hex(Der.octetString(new byte[127])).substring(0, 4));
        assertEquals("048180", hex(Der.octetString(new byte[128])).substring(0, 6));
        assertEquals("04820100", hex(Der.octetString(new byte[256])).substring(0, 8));
        assertEquals("0608" + "2a8648ce3d040302", hex(Der.oid("1.2.840.10045.4.3.2")));
        assertEquals("0603" + "551d11", hex(Der.oid("2.5.29.17")));
        assertEquals("020100", hex(Der.integer(java.math.BigInteger.ZERO)));
        assertEquals("02020080", hex(Der.integer(java.math.BigInteger.valueOf(128))), "a leading zero keeps it positive");
        assertEquals("170d" + hex("491231235959Z".getBytes()), hex(Der.time(Instant.parse("2049-12-31T23:59:59Z"))));
        assertEquals("180f" + hex("20500101000000Z".getBytes()), hex(Der.time(Instant.parse("2050-01-01T00:00:00Z"))));
        assertEquals("0101ff", hex(Der.bool(true)));
    }

    @Test
    void theCertificateParsesVerifiesAndSaysWhatWasAskedFor() throws Exception {
        KeyPair pair = ecKeyPair();
        Instant notBefore = Instant.parse("2026-01-01T00:00:00Z");
        Instant notAfter = Instant.parse("2051-06-01T12:00:00Z"); // after 2049: GeneralizedTime
        X509Certificate cert = SelfSignedCertificate.create(pair, "Spindle test", List.of("localhost", "am.example"),
                List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")), notBefore, notAfter, new SecureRandom());

        assertEquals(3, cert.getVersion());
        assertEquals("SHA256withECDSA", cert.getSigAlgName());
        assertEquals("CN=Spindle test", cert.getSubjectX500Principal().getName());
        assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
        assertEquals(pair.getPublic(), cert.getPublicKey());
        cert.verify(pair.getPublic()); // throws unless the signature is right
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initVerify(pair.getPublic());
        s.update(cert.getTBSCertificate());
        assertTrue(s.verify(cert.getSignature()));
        assertEquals(Date.from(notBefore), cert.getNotBefore());
        assertEquals(Date.from(notAfter), cert.getNotAfter());
        cert.checkValidity(Date.from(Instant.parse("2030-01-01T00:00:00Z")));
        assertThrows(java.security.cert.CertificateNotYetValidException.class, () -> cert.checkValidity(Date.from(notBefore.minusSeconds(1))));
        assertTrue(cert.getSerialNumber().signum() > 0);

        Collection<List<?>> sans = cert.getSubjectAlternativeNames();
        assertTrue(sans.contains(List.of(2, "localhost")), sans.toString());
        assertTrue(sans.contains(List.of(2, "am.example")), sans.toString());
        assertTrue(sans.contains(List.of(7, "127.0.0.1")), sans.toString());
        assertEquals(4, sans.size(), sans.toString());
        assertTrue(cert.getKeyUsage()[0], "digitalSignature");
        assertFalse(cert.getKeyUsage()[5], "no keyCertSign");
        assertEquals(List.of(SelfSignedCertificate.SERVER_AUTH, SelfSignedCertificate.CLIENT_AUTH), cert.getExtendedKeyUsage());
        assertEquals(-1, cert.getBasicConstraints(), "not a CA");
        assertTrue(cert.getCriticalExtensionOIDs().contains(SelfSignedCertificate.KEY_USAGE));
        // a fresh certificate has a fresh serial
        X509Certificate other = SelfSignedCertificate.create(pair, "Spindle test", List.of("localhost"), List.of(), notBefore, notAfter,
                new SecureRandom());
        assertFalse(cert.getSerialNumber().equals(other.getSerialNumber()));
    }

    @Test
    void theGeneratedIdentityLoadsIntoAKeyStoreAndSurvivesEncoding() throws Exception {
        TlsIdentity identity = TlsIdentity.generate();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("k", java.security.KeyFactory.getInstance("EC").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(identity.privateKeyDer())), "pw".toCharArray(),
                new java.security.cert.Certificate[] {identity.certificate()});
        assertTrue(store.isKeyEntry("k"));
        assertEquals(identity.certificate(), store.getCertificate("k"));
        assertEquals(1, identity.keyManagers().length);
        identity.certificate().checkValidity();
        TlsIdentity copy = TlsIdentity.decode(identity.certificateDer(), identity.privateKeyDer());
        assertArrayEquals(identity.certificateDer(), copy.certificateDer());
        assertArrayEquals(identity.privateKeyDer(), copy.privateKeyDer());
        assertFalse(identity.withoutPrivateKey().hasPrivateKey());
        assertThrows(IllegalStateException.class, () -> identity.withoutPrivateKey().keyManagers());
    }

    @Test
    void aTls13HandshakeWorksWithThePinnedCertificateAndFailsWithAnother() throws Exception {
        TlsIdentity identity = TlsIdentity.generate();
        assertEquals("hello", exchange(identity, identity));
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> exchange(identity, TlsIdentity.generate()));
        assertTrue(String.valueOf(e.getMessage()).contains("not this application's certificate")
                || String.valueOf(e.getCause()).contains("not this application's certificate"), String.valueOf(e));
    }

    /** A real TLS server socket with {@code server}'s key; a client pinning {@code pinned}; returns what the client read. */
    private static String exchange(TlsIdentity server, TlsIdentity pinned) throws Exception {
        SSLContext serverContext = SslContexts.server(ChannelSecurity.GENERATED, server);
        SSLContext clientContext = SslContexts.client(ChannelSecurity.GENERATED, pinned.withoutPrivateKey());
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 1,
                InetAddress.getLoopbackAddress())) {
            listener.setEnabledProtocols(new String[] {"TLSv1.3"});
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("hello".getBytes());
                } catch (Exception ignored) {
                    // the client side reports the failure
                }
            });
            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                    listener.getLocalPort())) {
                client.startHandshake();
                assertEquals("TLSv1.3", client.getSession().getProtocol());
                InputStream in = client.getInputStream();
                String read = new String(in.readNBytes(5));
                served.get(10, TimeUnit.SECONDS);
                return read;
            }
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
