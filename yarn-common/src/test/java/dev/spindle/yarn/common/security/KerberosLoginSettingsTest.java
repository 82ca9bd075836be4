package dev.spindle.yarn.common.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.SecurityOptions;
import dev.spindle.configuration.YarnConfigOptions;

class KerberosLoginSettingsTest {

    @TempDir
    Path dir;

    private static String error(KerberosLoginSettings settings, boolean kerberos) {
        return assertThrows(IllegalArgumentException.class, () -> settings.validate(kerberos)).getMessage();
    }

    private static KerberosLoginSettings settings(String keytab, String principal, boolean ticketCache) {
        Configuration conf = new Configuration();
        if (keytab != null) {
            conf.set(SecurityOptions.KERBEROS_LOGIN_KEYTAB, keytab);
        }
        if (principal != null) {
            conf.set(SecurityOptions.KERBEROS_LOGIN_PRINCIPAL, principal);
        }
        conf.set(SecurityOptions.KERBEROS_LOGIN_USE_TICKET_CACHE, ticketCache);
        return KerberosLoginSettings.from(conf);
    }

    @Test
    void aReadableKeytabWithItsPrincipalIsAccepted() throws Exception {
        Path keytab = Files.write(dir.resolve("alice.keytab"), new byte[] {5, 2});
        KerberosLoginSettings s = settings(keytab.toString(), "alice@EXAMPLE.COM", true);
        assertDoesNotThrow(() -> s.validate(true));
        assertTrue(s.hasKeytab());
        assertEquals("alice@EXAMPLE.COM", s.principal());
    }

    @Test
    void halfAKeytabLoginIsRefusedNamingTheMissingKey() throws Exception {
        Path keytab = Files.write(dir.resolve("alice.keytab"), new byte[] {5, 2});
        String noPrincipal = error(settings(keytab.toString(), null, true), true);
        assertTrue(noPrincipal.contains("security.kerberos.login.principal is not"), noPrincipal);
        String noKeytab = error(settings(null, "alice@EXAMPLE.COM", true), true);
        assertTrue(noKeytab.contains("security.kerberos.login.keytab is not"), noKeytab);
    }

    @Test
    void aMissingDirectoryOrUnreadableKeytabIsRefused() throws Exception {
        String missing = error(settings(dir.resolve("nope.keytab").toString(), "alice@EXAMPLE.COM", true), true);
        assertTrue(missing.contains("does not exist") && missing.contains("nope.keytab"), missing);
        String directory = error(settings(dir.toString(), "alice@EXAMPLE.COM", true), true);
        assertTrue(directory.contains("is not a regular file"), directory);

        Path unreadable = Files.write(dir.resolve("locked.keytab"), new byte[] {1});
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("-w-------"));
        if (!Files.isReadable(unreadable)) { // root reads everything
            String locked = error(settings(unreadable.toString(), "alice@EXAMPLE.COM", true), true);
            assertTrue(locked.contains("is not readable"), locked);
        }
    }

    @Test
    void aKeytabOnAClusterWithoutKerberosIsRefusedRatherThanIgnored() throws Exception {
        Path keytab = Files.write(dir.resolve("alice.keytab"), new byte[] {5, 2});
        String message = error(settings(keytab.toString(), "alice@EXAMPLE.COM", true), false);
        assertTrue(message.contains("does not use Kerberos"), message);
    }

    @Test
    void kerberosWithoutKeytabNeedsTheTicketCache() {
        assertDoesNotThrow(() -> settings(null, null, true).validate(true));
        assertDoesNotThrow(() -> settings(null, null, false).validate(false));
        String message = error(settings(null, null, false), true);
        assertTrue(message.contains("security.kerberos.login.use-ticket-cache is false"), message);
    }

    @Test
    void additionalFileSystemsAreCommaSeparatedWholeUris() {
        Configuration conf = new Configuration();
        conf.set(YarnConfigOptions.SECURITY_KERBEROS_ADDITIONAL_FILESYSTEMS, "hdfs://nn2:8020, webhdfs://nn3:9870,");
        assertEquals(List.of(URI.create("hdfs://nn2:8020"), URI.create("webhdfs://nn3:9870")),
                DelegationTokenObtainers.additionalFileSystems(conf));
        conf.set(YarnConfigOptions.SECURITY_KERBEROS_ADDITIONAL_FILESYSTEMS, "/just/a/path");
        String message = assertThrows(IllegalArgumentException.class, () -> DelegationTokenObtainers.additionalFileSystems(conf)).getMessage();
        assertTrue(message.contains("yarn.security.kerberos.additionalFileSystems"), message);
        assertEquals(List.of(), DelegationTokenObtainers.additionalFileSystems(new Configuration()));
    }
}
