package dev.spindle.api.eventtime;

/** Where a {@link WatermarkGenerator} emits watermarks and says whether its input is idle. */
public interface WatermarkOutput {

    /** Emits a watermark; one that does not advance event time is dropped. Also marks the output active. */
    void emitWatermark(Watermark watermark);

    /** Declares this input idle: downstream tasks compute their watermark without it until it is active again. */
    void markIdle();

    /** Declares this input active again after {@link #markIdle()}. */
    void markActive();
}
