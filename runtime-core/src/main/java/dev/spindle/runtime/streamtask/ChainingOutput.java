package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.metrics.OperatorIOMetrics;
import dev.spindle.runtime.operators.Output;
import dev.spindle.runtime.operators.StreamOperator;

/** Hands records straight to the next operator of the chain (a method call, no serialization). */
final class ChainingOutput<T> implements Output<T> {

    private final StreamOperator<T, ?> next;
    private final OperatorIOMetrics nextMetrics;

    ChainingOutput(StreamOperator<T, ?> next, OperatorIOMetrics nextMetrics) {
        this.next = next;
        this.nextMetrics = nextMetrics;
    }

    @Override
    public void collect(T record) {
        nextMetrics.incRecordsIn();
        try {
            next.processElement(record);
        } catch (Throwable t) {
            throw Sneaky.rethrow(t);
        }
    }
}
