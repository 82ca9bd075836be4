package dev.spindle.api.eventtime;

import java.io.Serializable;

/** A point in event time: no record with a timestamp at or below it is expected any more. */
public record Watermark(long timestamp) implements Serializable {

    /** The watermark a bounded source sends at its end: every event-time window and timer fires. */
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

    /** The event time of this watermark, in milliseconds. */
    public long getTimestamp() {
        return timestamp;
    }
}
