package dev.spindle.runtime.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * Records into and out of one operator of a chain (Flink's per-operator numRecordsIn/Out) and the
 * operator's current watermark (the last one it passed on; Flink's currentOutputWatermark).
 */
public final class OperatorIOMetrics {

    private final String name;
    private final LongAdder recordsIn = new LongAdder();
    private final LongAdder recordsOut = new LongAdder();
    /** Long.MIN_VALUE: none yet (no watermark can be that small: it is "before all time"). */
    private volatile long watermark = Long.MIN_VALUE;

    OperatorIOMetrics(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void incRecordsIn() {
        recordsIn.increment();
    }

    public void incRecordsOut() {
        recordsOut.increment();
    }

    public long getRecordsIn() {
        return recordsIn.sum();
    }

    public long getRecordsOut() {
        return recordsOut.sum();
    }

    /** The operator passed on {@code watermark}: its event time is now there. */
    public void setWatermark(long watermark) {
        this.watermark = watermark;
    }

    public boolean hasWatermark() {
        return watermark != Long.MIN_VALUE;
    }

    /** The current watermark; meaningful only when {@link #hasWatermark()}. */
    public long getWatermark() {
        return watermark;
    }
}
