package dev.spindle.api.eventtime;

/**
 * Generates watermarks from the events it sees ({@link #onEvent}, punctuated) or every
 * {@code pipeline.auto-watermark-interval} ({@link #onPeriodicEmit}, periodic), or both.
 */
public interface WatermarkGenerator<T> {

    /** Called for every event with its timestamp; may emit a watermark. */
    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    /** Called periodically (every {@code pipeline.auto-watermark-interval}); may emit a watermark. */
    void onPeriodicEmit(WatermarkOutput output);
}
