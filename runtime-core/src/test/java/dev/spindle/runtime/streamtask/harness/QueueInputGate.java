package dev.spindle.runtime.streamtask.harness;

import dev.spindle.runtime.io.InputBuffer;
import dev.spindle.runtime.io.InputGate;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** An input gate over a bounded in-memory queue: producers block when it is full (back pressure). */
public final class QueueInputGate implements InputGate {

    private static final InputBuffer END = new InputBuffer(-2, java.nio.ByteBuffer.allocate(0));

    private final int channels;
    private final BlockingQueue<InputBuffer> queue;
    private volatile Throwable producerFailure;
    private volatile boolean closed;
    private int ended;

    public QueueInputGate(int channels, int capacity) {
        this.channels = channels;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    void put(InputBuffer buffer) throws InterruptedException, IOException {
        while (!queue.offer(buffer, 50, TimeUnit.MILLISECONDS)) {
            if (closed) {
                throw new IOException("consumer gate closed");
            }
        }
    }

    void endChannel() throws InterruptedException, IOException {
        put(END);
    }

    void fail(Throwable cause) {
        producerFailure = cause;
    }

    @Override
    public int getNumberOfChannels() {
        return channels;
    }

    @Override
    public InputBuffer getNext() throws IOException, InterruptedException {
        while (true) {
            InputBuffer b = poll(100);
            if (b != InputBuffer.NONE_YET) {
                return b;
            }
        }
    }

    @Override
    public InputBuffer poll(long timeoutMillis) throws IOException, InterruptedException {
        while (true) {
            if (ended == channels) {
                return null;
            }
            checkFailure();
            InputBuffer b = timeoutMillis <= 0 ? queue.poll() : queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (b == null) {
                checkFailure();
                return InputBuffer.NONE_YET;
            }
            if (b == END) {
                ended++;
                continue;
            }
            return b;
        }
    }

    private void checkFailure() throws IOException {
        if (producerFailure != null) {
            throw new IOException("a producer failed: " + producerFailure, producerFailure);
        }
        if (closed) {
            throw new IOException("gate closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
