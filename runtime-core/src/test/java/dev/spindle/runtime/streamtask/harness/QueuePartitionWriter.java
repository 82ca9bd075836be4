package dev.spindle.runtime.streamtask.harness;

import dev.spindle.runtime.io.InputBuffer;
import dev.spindle.runtime.io.ResultPartitionWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/** Writes subpartition {@code s} into channel {@code channel} of consumer gate {@code s}. */
public final class QueuePartitionWriter implements ResultPartitionWriter {

    private final List<QueueInputGate> consumers;
    private final int channel;
    private long buffersEmitted;

    public QueuePartitionWriter(List<QueueInputGate> consumers, int channel) {
        this.consumers = consumers;
        this.channel = channel;
    }

    @Override
    public int getNumberOfSubpartitions() {
        return consumers.size();
    }

    @Override
    public void emit(int subpartition, ByteBuffer buffer) throws IOException, InterruptedException {
        if (!buffer.hasRemaining()) {
            throw new IllegalStateException("empty buffer emitted");
        }
        buffersEmitted++;
        consumers.get(subpartition).put(new InputBuffer(channel, buffer));
    }

    @Override
    public void finish() throws IOException, InterruptedException {
        for (QueueInputGate gate : consumers) {
            gate.endChannel();
        }
    }

    @Override
    public void release(Throwable cause) {
        for (QueueInputGate gate : consumers) {
            gate.fail(cause);
        }
    }

    public long getBuffersEmitted() {
        return buffersEmitted;
    }
}
