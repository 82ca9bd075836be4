package dev.spindle.runtime.streamtask;

import dev.spindle.api.OutputTag;
import dev.spindle.runtime.metrics.OperatorIOMetrics;
import dev.spindle.runtime.operators.Output;

/** Counts the records one operator emits (its records out, main and side) and notes its watermark before handing them on. */
final class CountingOutput<T> implements Output<T> {

    private final Output<T> target;
    private final OperatorIOMetrics metrics;

    CountingOutput(Output<T> target, OperatorIOMetrics metrics) {
        this.target = target;
        this.metrics = metrics;
    }

    @Override
    public void collect(T record) {
        metrics.incRecordsOut();
        target.collect(record);
    }

    @Override
    public <X> void collect(OutputTag<X> tag, X record) {
        metrics.incRecordsOut();
        target.collect(tag, record);
    }

    @Override
    public void emitWatermark(long watermark) {
        metrics.setWatermark(watermark);
        target.emitWatermark(watermark);
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        target.emitWatermarkStatus(idle);
    }
}
