package dev.spindle.runtime.security.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a minimal self-signed X.509 v3 certificate for an EC P-256 key, signed with
 * SHA256withECDSA: subject = issuer = one CN, key usage digitalSignature, extended key usage
 * serverAuth + clientAuth (the same identity serves and, for internal RPC, authenticates the
 * client side), basicConstraints CA:false and a subjectAltName. The result is parsed back by the
 * JDK's {@link CertificateFactory}, so anything malformed fails here, not in a handshake.
 */
public final class SelfSignedCertificate {

    static final String SHA256_WITH_ECDSA = "1.2.840.10045.4.3.2";
    static final String COMMON_NAME = "2.5.4.3";
    static final String KEY_USAGE = "2.5.29.15";
    static final String SUBJECT_ALT_NAME = "2.5.29.17";
    static final String BASIC_CONSTRAINTS = "2.5.29.19";
    static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private SelfSignedCertificate() {
    }

    /**
     * @param keyPair an EC key pair (the public key's {@code getEncoded()} is already the DER SubjectPublicKeyInfo)
     * @param dnsNames and {@code ipAddresses}: the subjectAltName entries
     */
    public static X509Certificate create(KeyPair keyPair, String commonName, List<String> dnsNames, List<InetAddress> ipAddresses,
            Instant notBefore, Instant notAfter, SecureRandom random) throws GeneralSecurityException {
        if (!"EC".equals(keyPair.getPublic().getAlgorithm())) {
            throw new IllegalArgumentException("only EC keys are supported, got " + keyPair.getPublic().getAlgorithm());
        }
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " must be after notBefore " + notBefore);
        }
        byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_ECDSA)); // RFC 5758: no parameters for ECDSA
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String(commonName))));
        byte[] tbs = Der.sequence(
                Der.contextTag(0, true, Der.integer(BigInteger.TWO)), // v3
                Der.integer(serial(random)),
                algorithm,
                name,
                Der.sequence(Der.time(notBefore.truncatedTo(ChronoUnit.SECONDS)), Der.time(notAfter.truncatedTo(ChronoUnit.SECONDS))),
                name,
                keyPair.getPublic().getEncoded(),
                Der.contextTag(3, true, Der.sequence(
                        extension(BASIC_CONSTRAINTS, true, Der.sequence()),
                        // KeyUsage BIT STRING: one byte, 7 unused bits, bit 0 = digitalSignature
                        extension(KEY_USAGE, true, Der.tlv(Der.BIT_STRING, new byte[] {0x07, (byte) 0x80})),
                        extension(EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH), Der.oid(CLIENT_AUTH))),
                        extension(SUBJECT_ALT_NAME, false, subjectAltNames(dnsNames, ipAddresses)))));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keyPair.getPrivate(), random);
        signer.update(tbs);
        // The JDK's ECDSA signature is already the DER SEQUENCE { r, s } that X.509 expects.
        byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(certificate));
    }

    /** 16 random bytes, positive (RFC 5280: at most 20 bytes, non-negative, non-zero). */
    private static BigInteger serial(SecureRandom random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[0] = (byte) ((b[0] & 0x7F) | 0x01);
        return new BigInteger(b);
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value)); // DEFAULT FALSE is omitted in DER
    }

    /** GeneralNames: dNSName is [2] IA5String, iPAddress is [7] OCTET STRING (4 or 16 bytes). */
    private static byte[] subjectAltNames(List<String> dnsNames, List<InetAddress> ipAddresses) {
        List<byte[]> names = new ArrayList<>();
        for (String dns : dnsNames) {
            names.add(Der.contextTag(2, false, dns.getBytes(StandardCharsets.US_ASCII)));
        }
        for (InetAddress ip : ipAddresses) {
            names.add(Der.contextTag(7, false, ip.getAddress()));
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a subjectAltName needs at least one name");
        }
        return Der.sequence(names.toArray(new byte[0][]));
    }
}
