package dev.spindle.yarn.am.security;

import java.util.List;
import java.util.Optional;

import dev.spindle.yarn.common.security.TokenLifetime;

/**
 * When the AM next acts on its delegation tokens, and how: renew them while renewing still moves
 * their expiry, re-obtain new ones once the earliest token is at its max date. The act comes at
 * {@code ratio} of the time left until the earliest expiry, so a failure leaves time to retry.
 */
public final class RenewalPlan {

    /** What to do with the tokens. */
    public enum Action { RENEW, REOBTAIN }

    /** @param at epoch ms */
    public record Step(long at, Action action) {
    }

    private RenewalPlan() {
    }

    /** The next step, or empty when no token has a known lifetime (nothing to keep alive). */
    public static Optional<Step> next(long now, List<TokenLifetime> lifetimes, double ratio) {
        TokenLifetime earliest = null;
        for (TokenLifetime t : lifetimes) {
            if (earliest == null || t.expiresAt() < earliest.expiresAt()) {
                earliest = t;
            }
        }
        if (earliest == null) {
            return Optional.empty();
        }
        long at = now + (long) (Math.max(0, earliest.expiresAt() - now) * ratio);
        return Optional.of(new Step(at, earliest.renewable() ? Action.RENEW : Action.REOBTAIN));
    }

    /**
     * When to retry after a failed step: after {@code backoffMillis}, but never later than
     * {@code ratio} of the time left until the earliest expiry.
     */
    public static long retryAt(long now, List<TokenLifetime> lifetimes, double ratio, long backoffMillis) {
        long at = now + backoffMillis;
        for (TokenLifetime t : lifetimes) {
            at = Math.min(at, now + (long) (Math.max(0, t.expiresAt() - now) * ratio));
        }
        return at;
    }
}
