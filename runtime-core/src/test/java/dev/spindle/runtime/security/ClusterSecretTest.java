package dev.spindle.runtime.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class ClusterSecretTest {

    @Test
    void theSerializedFormCarriesSecretCertificateAndKey() {
        ClusterSecret secret = ClusterSecret.generate();
        ClusterSecret back = ClusterSecret.fromBytes(secret.toBytes());
        assertTrue(back.matches(secret.toBase64()));
        assertArrayEquals(secret.tlsIdentity().certificateDer(), back.tlsIdentity().certificateDer());
        assertArrayEquals(secret.tlsIdentity().privateKeyDer(), back.tlsIdentity().privateKeyDer());
        assertFalse(ClusterSecret.generate().matches(secret.toBase64()));
    }

    @Test
    void theBearerTokenIsTheSecretOnlyAndTheClientCopyHasNoKey() {
        ClusterSecret secret = ClusterSecret.generate();
        assertTrue(Base64.getUrlDecoder().decode(secret.toBase64()).length == 32, "the token carries no certificate or key");
        ClusterSecret client = ClusterSecret.forClient(secret.toBase64(), secret.certificateBase64());
        assertTrue(client.matches(secret.toBase64()));
        assertFalse(client.tlsIdentity().hasPrivateKey());
        assertArrayEquals(secret.tlsIdentity().certificateDer(), client.tlsIdentity().certificateDer());
        assertFalse(ClusterSecret.fromBytes(secret.withoutPrivateKey().toBytes()).tlsIdentity().hasPrivateKey());
        assertFalse(secret.toString().contains(secret.toBase64()));
    }

    @Test
    void theRawSecretOfAVersionWithoutTlsIsRefusedClearly() {
        byte[] old = new byte[32];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClusterSecret.fromBytes(old));
        assertTrue(e.getMessage().contains("carries no TLS identity"), e.getMessage());
        byte[] truncated = java.util.Arrays.copyOf(ClusterSecret.generate().toBytes(), 60);
        assertThrows(IllegalArgumentException.class, () -> ClusterSecret.fromBytes(truncated));
    }
}
