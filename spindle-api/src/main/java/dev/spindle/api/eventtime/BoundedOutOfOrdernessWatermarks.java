package dev.spindle.api.eventtime;

import java.io.Serializable;
import java.time.Duration;

/**
 * Periodic watermarks that trail the highest timestamp seen by a fixed bound: events may arrive
 * out of order by up to that bound without being late. The watermark is {@code max - bound - 1}.
 */
public class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T>, Serializable {

    private static final long serialVersionUID = 1L;

    private final long outOfOrdernessMillis;
    private long maxTimestamp;

    /** A generator allowing events to be late by up to {@code maxOutOfOrderness}. */
    public BoundedOutOfOrdernessWatermarks(Duration maxOutOfOrderness) {
        if (maxOutOfOrderness == null || maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("the out-of-orderness bound must be zero or positive, was " + maxOutOfOrderness);
        }
        this.outOfOrdernessMillis = maxOutOfOrderness.toMillis();
        // start so that max - bound - 1 does not underflow
        this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(maxTimestamp - outOfOrdernessMillis - 1));
    }
}
