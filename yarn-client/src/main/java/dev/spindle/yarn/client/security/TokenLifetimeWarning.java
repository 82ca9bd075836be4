package dev.spindle.yarn.client.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.hadoop.security.Credentials;

import dev.spindle.configuration.SecurityOptions;
import dev.spindle.yarn.common.EntrypointMode;
import dev.spindle.yarn.common.security.KerberosLoginSettings;
import dev.spindle.yarn.common.security.TokenMaxDates;

/**
 * Tells the user of a ticket-cache deployment when its tokens end for good: YARN renews them only
 * up to their max lifetime, so a session or a streaming job running longer loses HDFS and YARN.
 */
public final class TokenLifetimeWarning {

    private TokenLifetimeWarning() {
    }

    /** The warning, or empty when a keytab keeps the tokens alive or there are no delegation tokens. */
    public static Optional<String> check(KerberosLoginSettings login, Credentials tokens, EntrypointMode mode, Instant now) {
        if (login.hasKeytab()) {
            return Optional.empty();
        }
        OptionalLong maxDate = TokenMaxDates.earliest(tokens);
        if (maxDate.isEmpty()) {
            return Optional.empty();
        }
        Instant end = Instant.ofEpochMilli(maxDate.getAsLong());
        String left = describe(Duration.between(now, end));
        String what = mode == EntrypointMode.SESSION ? "This session" : "A job of this application that runs longer (a streaming job)";
        return Optional.of("WARNING: Kerberos credentials come from the ticket cache only: the delegation tokens end for good at "
                + end + " (in " + left + ", their max lifetime). " + what + " will then fail to reach HDFS and YARN."
                + " To keep it running, set " + SecurityOptions.KERBEROS_LOGIN_KEYTAB.key() + " and "
                + SecurityOptions.KERBEROS_LOGIN_PRINCIPAL.key() + " so that the ApplicationMaster renews and re-obtains them.");
    }

    private static String describe(Duration d) {
        if (d.isNegative()) {
            return "0 s";
        }
        if (d.toHours() >= 48) {
            return d.toDays() + " days";
        }
        if (d.toMinutes() >= 120) {
            return d.toHours() + " h";
        }
        return d.toMinutes() >= 2 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
