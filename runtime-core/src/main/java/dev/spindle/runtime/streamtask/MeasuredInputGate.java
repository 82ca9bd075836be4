package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.io.InputBuffer;
import dev.spindle.runtime.io.InputGate;
import dev.spindle.runtime.metrics.TaskIOMetrics;
import java.io.IOException;
import java.util.function.IntConsumer;

/** Counts the bytes a task receives and the time it waits for them (its idle time). */
final class MeasuredInputGate implements InputGate {

    private final InputGate target;
    private final TaskIOMetrics metrics;

    MeasuredInputGate(InputGate target, TaskIOMetrics metrics) {
        this.target = target;
        this.metrics = metrics;
    }

    @Override
    public int getNumberOfChannels() {
        return target.getNumberOfChannels();
    }

    @Override
    public InputBuffer getNext() throws IOException, InterruptedException {
        long start = metrics.idle().begin();
        try {
            return counted(target.getNext());
        } finally {
            metrics.idle().end(start);
        }
    }

    @Override
    public InputBuffer poll(long timeoutMillis) throws IOException, InterruptedException {
        long start = metrics.idle().begin();
        try {
            return counted(target.poll(timeoutMillis));
        } finally {
            metrics.idle().end(start);
        }
    }

    private InputBuffer counted(InputBuffer b) {
        if (b != null && b != InputBuffer.NONE_YET) {
            metrics.addBytesIn(b.data().remaining());
        }
        return b;
    }

    @Override
    public void setChannelEndListener(IntConsumer listener) {
        target.setChannelEndListener(listener);
    }

    @Override
    public void close() {
        target.close();
    }
}
