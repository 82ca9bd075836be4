package dev.spindle.yarn.common.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import javax.security.auth.kerberos.KerberosTicket;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.minikdc.MiniKdc;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.token.Token;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.yarn.common.ContainerLayout;

/** Keytab login and re-login against a real KDC whose tickets live a few seconds. */
@Timeout(120)
class KeytabLoginTest {

    private static final long TICKET_LIFETIME_SECONDS = 8;

    @TempDir
    static Path dir;

    private static MiniKdc kdc;
    private static Path keytab;
    private static String principal;

    @BeforeAll
    static void startKdc() throws Exception {
        Properties kdcConf = MiniKdc.createConf();
        kdcConf.setProperty(MiniKdc.MAX_TICKET_LIFETIME, Long.toString(TICKET_LIFETIME_SECONDS));
        kdc = new MiniKdc(kdcConf, Files.createDirectories(dir.resolve("kdc")).toFile());
        kdc.start();
        keytab = dir.resolve("te.keytab");
        kdc.createPrincipal(keytab.toFile(), "spindle/localhost");
        principal = "spindle/localhost@" + kdc.getRealm();
        useKdc();
    }

    /** Hadoop configured for the KDC. */
    private static void useKdc() {
        Configuration conf = new Configuration();
        conf.set("hadoop.security.authentication", "kerberos");
        conf.set("hadoop.security.auth_to_local", "RULE:[2:$1@$0](.*@" + kdc.getRealm() + ")s/@.*//\nDEFAULT");
        // Hadoop refuses a re-login within a minute of the last one by default.
        conf.set("hadoop.kerberos.min.seconds.before.relogin", "1");
        UserGroupInformation.setConfiguration(conf);
    }

    @AfterAll
    static void stopKdc() {
        if (kdc != null) {
            kdc.stop();
        }
        UserGroupInformation.reset();
        UserGroupInformation.setConfiguration(new Configuration());
    }

    @Test
    void aContainerLoginKeepsTheSecretAndTokensItWasLaunchedWith() throws Exception {
        Credentials launched = new Credentials();
        launched.addSecretKey(new Text("spindle.secret"), new byte[] {7, 7});
        Token<?> token = new Token<>(new byte[] {1}, new byte[] {2}, new Text("HDFS_DELEGATION_TOKEN"), new Text("nn:8020"));
        launched.addToken(new Text("nn:8020"), token);
        UserGroupInformation.getLoginUser().addCredentials(launched);

        UserGroupInformation user = KeytabLogin.loginContainerProcessUser(principal, keytab, "container_1_0001_01_000002");

        assertTrue(user.isFromKeytab(), "logged in from the keytab");
        assertEquals(principal, UserGroupInformation.getCurrentUser().getUserName());
        Credentials now = UserGroupInformation.getCurrentUser().getCredentials();
        assertArrayEquals(new byte[] {7, 7}, now.getSecretKey(new Text("spindle.secret")), "the cluster secret stays readable");
        assertEquals(token, now.getToken(new Text("nn:8020")), "the launch tokens stay in use");
    }

    @Test
    void theReloginLogsInAgainOnlyWhenTheTicketNearsItsEnd() throws Exception {
        UserGroupInformation user = KeytabLogin.loginSeparateUser(principal, keytab, "container_1_0001_01_000001");
        KerberosTicket first = KeytabRelogin.tgt(user);
        assertNotNull(first, "a TGT after the login");
        // Read now: the logout of a re-login destroys the old ticket.
        long firstEnd = first.getEndTime().getTime();
        long lifetimeMs = firstEnd - first.getStartTime().getTime();
        assertTrue(lifetimeMs <= TICKET_LIFETIME_SECONDS * 1000, "the KDC's short tickets: " + lifetimeMs + " ms");

        KeytabRelogin relogin = new KeytabRelogin(user, "container_1_0001_01_000001");
        assertFalse(relogin.checkNow(), "a fresh ticket is kept");
        assertTrue(KeytabRelogin.tgt(user) == first);

        // Hadoop renews from 80 % of the ticket's lifetime on.
        long renewFrom = firstEnd - lifetimeMs * 2 / 10 + 200;
        while (System.currentTimeMillis() < renewFrom) {
            Thread.sleep(Math.max(1, renewFrom - System.currentTimeMillis()));
        }
        assertTrue(relogin.checkNow(), "logged in again near the ticket's end");
        KerberosTicket second = KeytabRelogin.tgt(user);
        assertNotSame(first, second);
        assertTrue(second.getEndTime().getTime() > firstEnd, "the new ticket lasts longer");
    }

    @Test
    void aMissingLocalizedKeytabNamesTheKey() {
        IOException e = assertThrows(IOException.class, () -> KeytabLogin.localizedKeytab(dir.resolve("empty"), "TaskExecutor"));
        assertTrue(e.getMessage().contains("TaskExecutor") && e.getMessage().contains(ContainerLayout.KEYTAB_FILE)
                && e.getMessage().contains("security.kerberos.login.keytab"), e.getMessage());
    }

    @Test
    void aContainerWhoseHadoopConfigurationIsNotKerberizedRefusesTheKeytab() throws Exception {
        Configuration simple = new Configuration();
        simple.set("hadoop.security.authentication", "simple");
        UserGroupInformation.setConfiguration(simple);
        try {
            IOException e = assertThrows(IOException.class,
                    () -> KeytabLogin.loginContainerProcessUser(principal, keytab, "container_1_0001_01_000003"));
            assertTrue(e.getMessage().contains("container_1_0001_01_000003") && e.getMessage().contains("does not use Kerberos"),
                    e.getMessage());
        } finally {
            useKdc();
        }
    }
}
