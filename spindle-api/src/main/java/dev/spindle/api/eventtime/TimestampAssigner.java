package dev.spindle.api.eventtime;

/** Extracts the event timestamp (milliseconds) of a record. */
@FunctionalInterface
public interface TimestampAssigner<T> {

    /** The timestamp of a record that has none. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /** The event timestamp of {@code element}; {@code recordTimestamp} is the timestamp it already carries, or {@link #NO_TIMESTAMP}. */
    long extractTimestamp(T element, long recordTimestamp);
}
