package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.operators.Output;

/** The output of the last operator of a chain without consumers (a sink): records and watermarks end here. */
final class DiscardingOutput<T> implements Output<T> {

    @Override
    public void collect(T record) {
    }

    @Override
    public void emitWatermark(long watermark) {
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
    }
}
