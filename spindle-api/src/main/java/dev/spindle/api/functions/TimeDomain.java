package dev.spindle.api.functions;

/** Which clock a timer was set on. */
public enum TimeDomain {
    /** Event time: the timer fires when the watermark passes it. */
    EVENT_TIME,
    /** Processing time: the timer fires when the machine's clock passes it. */
    PROCESSING_TIME
}
