package dev.spindle.runtime.io;

import java.nio.ByteBuffer;

/** A buffer of whole serialized records that arrived on channel {@code channelIndex} of an input gate. */
public record InputBuffer(int channelIndex, ByteBuffer data) {

    /** Returned by {@link InputGate#poll} when nothing arrived in time (not an end of input). */
    public static final InputBuffer NONE_YET = new InputBuffer(-1, ByteBuffer.allocate(0));
}
