package dev.spindle.yarn.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.runtime.security.ClusterSecret;

class SessionPropertiesFileTest {

    @TempDir
    Path dir;

    @Test
    void writesOwnerOnlyAndReadsBack() throws Exception {
        SessionPropertiesFile file = of(dir);
        ApplicationId app = ApplicationId.newInstance(1700000000000L, 7);
        ClusterSecret secret = ClusterSecret.generate();
        file.write(app, secret);

        assertEquals(dir.resolve(".yarn-properties-" + System.getProperty("user.name")), file.path());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        SessionPropertiesFile.Entry entry = file.read().orElseThrow();
        assertEquals(app, entry.applicationId());
        assertTrue(entry.secret().matches(secret.toBase64()));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void recordsWhereTheSessionsRestEndpointIsAndReadsFilesThatDoNot() throws Exception {
        SessionPropertiesFile file = of(dir);
        ApplicationId app = ApplicationId.newInstance(1700000000000L, 7);
        file.write(app, ClusterSecret.generate(), "https://node1:40123", "http://rm:8088/proxy/" + app + "/");
        SessionPropertiesFile.Entry entry = file.read().orElseThrow();
        assertEquals("https://node1:40123", entry.restUrl());
        assertEquals("http://rm:8088/proxy/" + app + "/", entry.trackingUrl());
        assertEquals(app.toString(), entry.id());

        file.write(app, ClusterSecret.generate()); // as an older client wrote it
        assertEquals(null, file.read().orElseThrow().restUrl());
        assertEquals(app, file.read().orElseThrow().applicationId());
    }

    @Test
    void holdsTheCertificateToPinButNeverThePrivateKey() throws Exception {
        SessionPropertiesFile file = of(dir);
        ClusterSecret secret = ClusterSecret.generate();
        file.write(ApplicationId.newInstance(1700000000000L, 9), secret);
        String text = Files.readString(file.path()).replace("\\", "");
        String key = java.util.Base64.getEncoder().encodeToString(secret.tlsIdentity().privateKeyDer());
        assertFalse(text.contains(key.substring(0, 40)) || text.contains(key.substring(key.length() - 40)), "no private key in the file");
        ClusterSecret read = file.read().orElseThrow().secret();
        assertFalse(read.tlsIdentity().hasPrivateKey());
        assertEquals(secret.tlsIdentity().certificate(), read.tlsIdentity().certificate());
    }

    @Test
    void isRemovedOnlyForTheSessionItNames() throws Exception {
        SessionPropertiesFile file = of(dir);
        ApplicationId app = ApplicationId.newInstance(1700000000000L, 7);
        file.write(app, ClusterSecret.generate());

        assertFalse(file.deleteIfNames(ApplicationId.newInstance(1700000000000L, 8)));
        assertTrue(Files.exists(file.path()));
        assertTrue(file.deleteIfNames(app));
        assertFalse(Files.exists(file.path()));
        assertTrue(file.read().isEmpty());
    }

    @Test
    void aCorruptFileSaysHowToRecover() throws Exception {
        SessionPropertiesFile file = of(dir);
        Files.writeString(file.path(), "applicationID=nonsense\nsecret=abc\n");
        IOException e = assertThrows(IOException.class, file::read);
        assertTrue(e.getMessage().contains("delete it and attach with 'yarn-session.sh -id <appId>'"), e.getMessage());
    }

    @Test
    void aPlantedWorldWritableFileIsRefusedNamingFileOwnerAndMode() throws Exception {
        SessionPropertiesFile file = of(dir);
        file.write(ApplicationId.newInstance(1700000000000L, 7), ClusterSecret.generate());
        Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-rw-rw-"));

        IOException e = assertThrows(IOException.class, file::read);
        assertTrue(e.getMessage().contains(file.path().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("rw-rw-rw-"), e.getMessage());
        assertTrue(e.getMessage().contains("owned by '" + System.getProperty("user.name") + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("delete it"), e.getMessage());
        assertFalse(file.deleteIfNames(ApplicationId.newInstance(1700000000000L, 7)), "a foreign file is not acted on");
    }

    @Test
    void aFileOwnedBySomeoneElseIsRefused() throws Exception {
        of(dir).write(ApplicationId.newInstance(1700000000000L, 7), ClusterSecret.generate());
        // The file is this process's user's; a caller with another name must not trust it.
        SessionPropertiesFile asOther = new SessionPropertiesFile(of(dir).path(), "spindle-test-other-user");

        IOException e = assertThrows(IOException.class, asOther::read);
        assertTrue(e.getMessage().contains("must be owned by 'spindle-test-other-user'"), e.getMessage());
    }

    private static SessionPropertiesFile of(Path dir) {
        Configuration conf = new Configuration();
        conf.set(YarnConfigOptions.PROPERTIES_FILE_LOCATION, dir.toString());
        return SessionPropertiesFile.of(conf);
    }
}
