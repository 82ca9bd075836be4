package dev.spindle.api;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/** A random 128-bit id written as 32 hex characters. */
public abstract class AbstractId implements Serializable, Comparable<AbstractId> {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String hex;

    /** A new random id. */
    protected AbstractId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        this.hex = HexFormat.of().formatHex(bytes);
    }

    /** The id written as {@code hex} (32 hex characters). */
    protected AbstractId(String hex) {
        Objects.requireNonNull(hex);
        if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("'" + hex + "' is not a valid id: expected 32 hex characters");
        }
        this.hex = hex.toLowerCase(java.util.Locale.ROOT);
    }

    /** The 32 lower-case hex characters of the id. */
    public String toHexString() {
        return hex;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((AbstractId) o).hex.equals(hex);
    }

    @Override
    public int hashCode() {
        return hex.hashCode();
    }

    @Override
    public int compareTo(AbstractId o) {
        return hex.compareTo(o.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
