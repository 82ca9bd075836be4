package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.metrics.OperatorIOMetrics;
import dev.spindle.runtime.operators.Output;

/** Counts the records one operator emits (its records out) before handing them on. */
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
}
