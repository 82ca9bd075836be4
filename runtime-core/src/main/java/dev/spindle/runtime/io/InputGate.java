package dev.spindle.runtime.io;

import java.io.IOException;

/**
 * The consuming side of one input edge of one subtask: one channel per producer subtask it reads
 * from. Consuming a buffer returns credit to its producer.
 */
public interface InputGate extends AutoCloseable {

    int getNumberOfChannels();

    /**
     * Blocks until a buffer from any channel is available. Returns null once every channel has
     * ended. Throws if a producer failed or the gate was closed.
     */
    InputBuffer getNext() throws IOException, InterruptedException;

    /** Like {@link #getNext()} but waits at most {@code timeoutMillis}; returns {@link InputBuffer#NONE_YET} on timeout. */
    InputBuffer poll(long timeoutMillis) throws IOException, InterruptedException;

    @Override
    void close();
}
