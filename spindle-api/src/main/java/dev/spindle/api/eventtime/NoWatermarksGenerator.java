package dev.spindle.api.eventtime;

import java.io.Serializable;

/** Emits no watermarks: event time does not advance (until a bounded source ends). */
public final class NoWatermarksGenerator<T> implements WatermarkGenerator<T>, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
    }
}
