package dev.spindle.yarn.common.security;

/**
 * When one delegation token stops working: at {@code expiresAt} unless renewed, at
 * {@code maxDate} for good (renewals cannot pass it). Epoch milliseconds.
 *
 * @param alias the token's alias in its credentials (its service)
 */
public record TokenLifetime(String alias, long expiresAt, long maxDate) {

    /** Whether renewing can still push the expiry further out. */
    public boolean renewable() {
        return expiresAt < maxDate;
    }
}
