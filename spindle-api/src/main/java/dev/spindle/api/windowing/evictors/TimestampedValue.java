package dev.spindle.api.windowing.evictors;

/** A window element with its event timestamp ({@code Long.MIN_VALUE} when it has none). */
public final class TimestampedValue<T> implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final T value;
    private final long timestamp;

    /** {@code value} at {@code timestamp}. */
    public TimestampedValue(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
    }

    /** The element. */
    public T getValue() {
        return value;
    }

    /** The element's event timestamp. */
    public long getTimestamp() {
        return timestamp;
    }

    /** Whether the element has an event timestamp. */
    public boolean hasTimestamp() {
        return timestamp != Long.MIN_VALUE;
    }
}
