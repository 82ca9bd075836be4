package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.metrics.TaskIOMetrics;
import dev.spindle.runtime.operators.Output;

/** Sends records into an output edge of the task, counting them as records out. */
final class RecordWriterOutput<T> implements Output<T> {

    private final RecordWriter writer;
    private final TaskIOMetrics metrics;

    RecordWriterOutput(RecordWriter writer, TaskIOMetrics metrics) {
        this.writer = writer;
        this.metrics = metrics;
    }

    @Override
    public void collect(T record) {
        try {
            writer.emit(record);
        } catch (Throwable t) {
            throw Sneaky.rethrow(t);
        }
        metrics.incRecordsOut();
    }
}
