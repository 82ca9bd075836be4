package dev.spindle.yarn.client.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.hadoop.hdfs.security.token.delegation.DelegationTokenIdentifier;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.yarn.security.client.RMDelegationTokenIdentifier;
import org.junit.jupiter.api.Test;

import dev.spindle.yarn.common.EntrypointMode;
import dev.spindle.yarn.common.security.KerberosLoginSettings;

class TokenLifetimeWarningTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static Credentials hdfsTokenEndingAt(Instant maxDate) {
        DelegationTokenIdentifier id = new DelegationTokenIdentifier(new Text("alice"), new Text("rm"), null);
        id.setIssueDate(NOW.toEpochMilli());
        id.setMaxDate(maxDate.toEpochMilli());
        Credentials c = new Credentials();
        Text service = new Text("nn:8020");
        c.addToken(service, new Token<>(id.getBytes(), new byte[] {1}, DelegationTokenIdentifier.HDFS_DELEGATION_KIND, service));
        return c;
    }

    @Test
    void aTicketCacheSessionIsToldWhenItsTokensEndAndWhichKeysKeepThemAlive() {
        Instant end = NOW.plus(Duration.ofDays(7));
        String warning = TokenLifetimeWarning.check(new KerberosLoginSettings(null, null, true), hdfsTokenEndingAt(end),
                EntrypointMode.SESSION, NOW).orElseThrow();
        assertTrue(warning.contains(end.toString()) && warning.contains("7 days"), warning);
        assertTrue(warning.contains("This session"), warning);
        assertTrue(warning.contains("security.kerberos.login.keytab") && warning.contains("security.kerberos.login.principal"), warning);
    }

    @Test
    void anApplicationIsWarnedAboutStreamingJobs() {
        String warning = TokenLifetimeWarning.check(new KerberosLoginSettings(null, null, true),
                hdfsTokenEndingAt(NOW.plus(Duration.ofMinutes(90))), EntrypointMode.APPLICATION, NOW).orElseThrow();
        assertTrue(warning.contains("streaming job") && warning.contains("90 min"), warning);
    }

    @Test
    void noWarningWithAKeytabOrWithoutDelegationTokens() {
        KerberosLoginSettings keytab = new KerberosLoginSettings(Path.of("/k.keytab"), "alice@EXAMPLE.COM", true);
        assertEquals(Optional.empty(), TokenLifetimeWarning.check(keytab, hdfsTokenEndingAt(NOW.plusSeconds(60)), EntrypointMode.SESSION, NOW));
        assertEquals(Optional.empty(), TokenLifetimeWarning.check(new KerberosLoginSettings(null, null, true), new Credentials(),
                EntrypointMode.SESSION, NOW));
    }

    @Test
    void aKeytabDeploymentWithLaterAttemptsIsToldWhenYarnCanNoLongerLocalizeThem() {
        KerberosLoginSettings keytab = new KerberosLoginSettings(Path.of("/k.keytab"), "alice@EXAMPLE.COM", true);
        Instant end = NOW.plus(Duration.ofDays(7));
        Credentials tokens = hdfsTokenEndingAt(end);
        // The RM's token may end sooner; it is not used for localization.
        RMDelegationTokenIdentifier rmId = new RMDelegationTokenIdentifier(new Text("alice"), new Text("rm"), null);
        rmId.setMaxDate(NOW.plus(Duration.ofDays(1)).toEpochMilli());
        tokens.addToken(new Text("rm:8032"), new Token<>(rmId.getBytes(), new byte[] {1}, RMDelegationTokenIdentifier.KIND_NAME,
                new Text("rm:8032")));
        String warning = TokenLifetimeWarning.checkLaterAttempts(keytab, tokens, 2, false, NOW).orElseThrow();
        assertTrue(warning.contains("after " + end + " (in 7 days"), warning);
        assertTrue(warning.contains("yarn.resourcemanager.proxy-user-privileges.enabled=true"), warning);

        assertEquals(Optional.empty(), TokenLifetimeWarning.checkLaterAttempts(keytab, tokens, 1, false, NOW), "a single attempt");
        assertEquals(Optional.empty(), TokenLifetimeWarning.checkLaterAttempts(keytab, tokens, 2, true, NOW), "the RM localizes");
        assertEquals(Optional.empty(), TokenLifetimeWarning.checkLaterAttempts(new KerberosLoginSettings(null, null, true), tokens, 2,
                false, NOW), "the ticket cache warning covers more");
    }
}
