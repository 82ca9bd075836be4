package dev.spindle.configuration;

import java.util.Objects;

/**
 * The values an option accepts, between optional inclusive bounds: {@code Range.atLeast(1)},
 * {@code Range.between(0.0, 1.0)}. Given to {@link ConfigOption#checkedBy(Range)}; the client, the
 * ApplicationMaster and the TaskExecutors refuse a configured value outside it.
 */
public final class Range<T extends Comparable<? super T>> {

    private final T min;
    private final T max;

    private Range(T min, T max) {
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("empty range: " + min + " > " + max);
        }
        this.min = min;
        this.max = max;
    }

    /** Values {@code >= min}. */
    public static <T extends Comparable<? super T>> Range<T> atLeast(T min) {
        return new Range<>(Objects.requireNonNull(min), null);
    }

    /** Values {@code <= max}. */
    public static <T extends Comparable<? super T>> Range<T> atMost(T max) {
        return new Range<>(null, Objects.requireNonNull(max));
    }

    /** Values from {@code min} to {@code max}, both included. */
    public static <T extends Comparable<? super T>> Range<T> between(T min, T max) {
        return new Range<>(Objects.requireNonNull(min), Objects.requireNonNull(max));
    }

    public boolean contains(T value) {
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }

    /** The range as users read it, e.g. "at least 1" or "from 0 to 1". */
    public String describe() {
        if (min != null && max != null) {
            return "from " + Configuration.toText(min) + " to " + Configuration.toText(max);
        }
        return min != null ? "at least " + Configuration.toText(min) : "at most " + Configuration.toText(max);
    }

    @Override
    public String toString() {
        return describe();
    }
}
