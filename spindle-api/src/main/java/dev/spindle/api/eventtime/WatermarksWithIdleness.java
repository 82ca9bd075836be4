package dev.spindle.api.eventtime;

import java.io.Serializable;
import java.time.Duration;

/**
 * Wraps a generator and marks the input idle when no event arrived for the idle timeout, so
 * downstream watermarks do not wait for a partition without data; the next event makes it active.
 */
public final class WatermarksWithIdleness<T> implements WatermarkGenerator<T>, Serializable {

    private static final long serialVersionUID = 1L;

    private final WatermarkGenerator<T> watermarks;
    private final long idleTimeoutNanos;
    private long lastActivityNanos = System.nanoTime();
    private boolean idle;

    /** {@code watermarks} with idleness detection after {@code idleTimeout} without events. */
    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout) {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive, was " + idleTimeout);
        }
        this.watermarks = watermarks;
        this.idleTimeoutNanos = idleTimeout.toNanos();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        watermarks.onEvent(event, eventTimestamp, output);
        lastActivityNanos = System.nanoTime();
        if (idle) {
            idle = false;
            output.markActive();
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (!idle && System.nanoTime() - lastActivityNanos >= idleTimeoutNanos) {
            idle = true;
            output.markIdle();
        }
        if (!idle) {
            watermarks.onPeriodicEmit(output);
        }
    }
}
