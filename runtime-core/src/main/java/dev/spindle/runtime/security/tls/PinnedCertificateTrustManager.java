package dev.spindle.runtime.security.tls;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one certificate, byte for byte: the application's own. There is no CA and no
 * host name to check: the peer proves it holds the application's private key, which is all that
 * matters. Extending {@link X509ExtendedTrustManager} (not only X509TrustManager) keeps the JDK
 * from wrapping it with a host name check that a per-application certificate could not pass on
 * an arbitrary NodeManager host.
 */
public final class PinnedCertificateTrustManager extends X509ExtendedTrustManager {

    private final X509Certificate pinned;
    private final byte[] pinnedDer;

    public PinnedCertificateTrustManager(X509Certificate pinned) {
        this.pinned = pinned;
        try {
            this.pinnedDer = pinned.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode the pinned certificate", e);
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the peer presented no certificate");
        }
        byte[] presented = chain[0].getEncoded();
        if (!MessageDigest.isEqual(presented, pinnedDer)) {
            throw new CertificateException("the peer's certificate (SHA-256 " + fingerprint(presented)
                    + ") is not this application's certificate (SHA-256 " + fingerprint(pinnedDer) + ")");
        }
    }

    /** Hex SHA-256 of a DER certificate, as shown in messages. */
    public static String fingerprint(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        // Sent as the CA hint when asking a client for its certificate: a self-signed cert is its own issuer.
        return new X509Certificate[] {pinned};
    }
}
