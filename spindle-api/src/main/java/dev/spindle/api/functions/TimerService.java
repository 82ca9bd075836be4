package dev.spindle.api.functions;

/**
 * Clocks and timers of a process function. Timers are per key (on a keyed stream), set at most once
 * per key and timestamp, and part of checkpoints; a fired timer calls {@code onTimer}.
 */
public interface TimerService {

    /** The machine's current time in milliseconds. */
    long currentProcessingTime();

    /** The operator's current event time (its input's watermark); {@code Long.MIN_VALUE} before the first watermark. */
    long currentWatermark();

    /** Calls {@code onTimer} once the processing time reaches {@code time}. */
    void registerProcessingTimeTimer(long time);

    /** Calls {@code onTimer} once the watermark reaches {@code time}. */
    void registerEventTimeTimer(long time);

    /** Removes a processing-time timer of the current key, if set. */
    void deleteProcessingTimeTimer(long time);

    /** Removes an event-time timer of the current key, if set. */
    void deleteEventTimeTimer(long time);
}
