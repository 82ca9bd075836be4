package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.metrics.OperatorIOMetrics;
import dev.spindle.runtime.operators.Output;
import dev.spindle.runtime.operators.RecordTimestamp;
import dev.spindle.runtime.operators.StreamOperator;

/**
 * Hands records and watermarks straight to the next operator of the chain (a method call, no
 * serialization), counting them as that operator's records in.
 */
final class ChainingOutput<T> implements Output<T> {

    private final StreamOperator<T, ?> next;
    private final OperatorIOMetrics nextMetrics;
    private final RecordTimestamp timestamp;

    ChainingOutput(StreamOperator<T, ?> next, OperatorIOMetrics nextMetrics, RecordTimestamp timestamp) {
        this.next = next;
        this.nextMetrics = nextMetrics;
        this.timestamp = timestamp;
    }

    @Override
    public void collect(T record) {
        nextMetrics.incRecordsIn();
        long ts = timestamp.get();
        try {
            next.processElement(record);
        } catch (Throwable t) {
            throw Sneaky.rethrow(t);
        } finally {
            // a later operator may have set its own timestamp; the caller may emit more records with its own
            timestamp.set(ts);
        }
    }

    @Override
    public void emitWatermark(long watermark) {
        try {
            next.processWatermark(watermark);
        } catch (Throwable t) {
            throw Sneaky.rethrow(t);
        }
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        try {
            next.processWatermarkStatus(idle);
        } catch (Throwable t) {
            throw Sneaky.rethrow(t);
        }
    }
}
