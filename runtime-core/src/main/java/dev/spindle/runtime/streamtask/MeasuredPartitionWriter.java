package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.io.ResultPartitionWriter;
import dev.spindle.runtime.metrics.TaskIOMetrics;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Counts the bytes a task sends and the time it waits in {@link ResultPartitionWriter#emit}:
 * emit blocks only while the consumer has no room (no credit, a full queue), so that time is
 * the task's backpressured time. Measured per buffer, not per record, to keep the cost small.
 */
final class MeasuredPartitionWriter implements ResultPartitionWriter {

    private final ResultPartitionWriter target;
    private final TaskIOMetrics metrics;

    MeasuredPartitionWriter(ResultPartitionWriter target, TaskIOMetrics metrics) {
        this.target = target;
        this.metrics = metrics;
    }

    @Override
    public int getNumberOfSubpartitions() {
        return target.getNumberOfSubpartitions();
    }

    @Override
    public void emit(int subpartition, ByteBuffer buffer) throws IOException, InterruptedException {
        int bytes = buffer.remaining();
        long start = metrics.backpressured().begin();
        try {
            target.emit(subpartition, buffer);
        } finally {
            metrics.backpressured().end(start);
        }
        metrics.addBytesOut(bytes);
    }

    @Override
    public void finish() throws IOException, InterruptedException {
        target.finish();
    }

    @Override
    public void release(Throwable cause) {
        target.release(cause);
    }
}
