package dev.spindle.yarn.common.security;

import java.io.IOException;
import java.util.OptionalLong;

import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.security.token.TokenIdentifier;
import org.apache.hadoop.security.token.delegation.AbstractDelegationTokenIdentifier;

/** Reads the maximum lifetime delegation tokens carry in their identifiers. */
public final class TokenMaxDates {

    private TokenMaxDates() {
    }

    /** The token's max date (epoch ms), or empty when it is no delegation token (e.g. a secret, an AMRMToken). */
    public static OptionalLong of(Token<?> token) {
        try {
            TokenIdentifier id = token.decodeIdentifier();
            if (id instanceof AbstractDelegationTokenIdentifier dt && dt.getMaxDate() > 0) {
                return OptionalLong.of(dt.getMaxDate());
            }
        } catch (IOException | RuntimeException e) {
            // An identifier class not on this classpath: its lifetime is unknown here.
        }
        return OptionalLong.empty();
    }

    /** The earliest max date of the delegation tokens in {@code credentials}, or empty when they hold none. */
    public static OptionalLong earliest(Credentials credentials) {
        OptionalLong earliest = OptionalLong.empty();
        for (Token<?> token : credentials.getAllTokens()) {
            OptionalLong max = of(token);
            if (max.isPresent() && (earliest.isEmpty() || max.getAsLong() < earliest.getAsLong())) {
                earliest = max;
            }
        }
        return earliest;
    }
}
