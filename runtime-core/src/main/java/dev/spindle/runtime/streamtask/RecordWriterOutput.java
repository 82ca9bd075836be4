package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.metrics.TaskIOMetrics;
import dev.spindle.runtime.operators.Output;
import dev.spindle.runtime.operators.RecordTimestamp;

/** Sends records (with the chain's current timestamp) and watermarks into an output edge of the task, counting records out. */
final class RecordWriterOutput<T> implements Output<T> {

    private final RecordWriter writer;
    private final TaskIOMetrics metrics;
    private final RecordTimestamp timestamp;

    RecordWriterOutput(RecordWriter writer, TaskIOMetrics metrics, RecordTimestamp timestamp) {
        this.writer = writer;
        this.metrics = metrics;
        this.timestamp = timestamp;
    }

    @Override
    public void collect(T record) {
        try {
            writer.emit(record, timestamp.get());
        } catch (Throwable t) {
            throw Sneaky.rethrow(t);
        }
        metrics.incRecordsOut();
    }

    @Override
    public void emitWatermark(long watermark) {
        try {
            writer.broadcastWatermark(watermark);
        } catch (Throwable t) {
            throw Sneaky.rethrow(t);
        }
    }

    @Override
    public void emitWatermarkStatus(boolean idle) {
        try {
            writer.broadcastWatermarkStatus(idle);
        } catch (Throwable t) {
            throw Sneaky.rethrow(t);
        }
    }
}
