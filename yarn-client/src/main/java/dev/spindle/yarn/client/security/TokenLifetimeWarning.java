package dev.spindle.yarn.client.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.security.client.RMDelegationTokenIdentifier;

import dev.spindle.configuration.SecurityOptions;
import dev.spindle.yarn.common.EntrypointMode;
import dev.spindle.yarn.common.security.KerberosLoginSettings;
import dev.spindle.yarn.common.security.TokenMaxDates;

/**
 * Tells the user of a ticket-cache deployment when its tokens end for good: YARN renews them only
 * up to their max lifetime, so a session or a streaming job running longer loses HDFS and YARN.
 * With a keytab the AM keeps its own tokens alive, but YARN still launches every later AM attempt
 * with the submission's tokens, which {@link #checkLaterAttempts} tells.
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

    /**
     * The warning for a keytab deployment whose later AM attempts YARN cannot localize once the
     * submission's file system tokens reached their max lifetime: the RM launches every attempt with
     * the launch context of the submission, and the NodeManager downloads the staging dir with its
     * tokens. Empty without a keytab (the ticket-cache warning covers more), with a single attempt,
     * without file system tokens, or when the ResourceManager obtains fresh HDFS tokens for
     * localization ({@code yarn.resourcemanager.proxy-user-privileges.enabled}, as far as this
     * client's yarn-site.xml says).
     *
     * @param attempts how many AM attempts the application may have
     */
    public static Optional<String> checkLaterAttempts(KerberosLoginSettings login, Credentials tokens, int attempts,
            boolean rmObtainsTokensForLocalization, Instant now) {
        if (!login.hasKeytab() || attempts <= 1 || rmObtainsTokensForLocalization) {
            return Optional.empty();
        }
        OptionalLong maxDate = OptionalLong.empty();
        for (Token<?> token : tokens.getAllTokens()) {
            // The RM's own token plays no part in localization.
            OptionalLong max = RMDelegationTokenIdentifier.KIND_NAME.equals(token.getKind()) ? OptionalLong.empty() : TokenMaxDates.of(token);
            if (max.isPresent() && (maxDate.isEmpty() || max.getAsLong() < maxDate.getAsLong())) {
                maxDate = max;
            }
        }
        if (maxDate.isEmpty()) {
            return Optional.empty();
        }
        Instant end = Instant.ofEpochMilli(maxDate.getAsLong());
        return Optional.of("WARNING: an ApplicationMaster attempt that starts after " + end + " (in " + describe(Duration.between(now, end))
                + ", the max lifetime of this submission's file system tokens) cannot download the application's files on a"
                + " NodeManager that does not hold them already: YARN localizes every attempt with the submission's tokens,"
                + " whatever the keytab renews. After that date an ApplicationMaster failure ends the application unless the"
                + " ResourceManager sets " + YarnConfiguration.RM_PROXY_USER_PRIVILEGES_ENABLED + "=true (see the README's"
                + " Kerberos section).");
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
