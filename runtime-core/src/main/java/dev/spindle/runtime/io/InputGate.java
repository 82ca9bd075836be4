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

    /**
     * Tells {@code listener} (in the thread calling getNext/poll, in order with the buffers) each time
     * one channel ended. Gates without it only say when all channels ended (null from getNext).
     */
    default void setChannelEndListener(java.util.function.IntConsumer listener) {
    }

    @Override
    void close();
}
