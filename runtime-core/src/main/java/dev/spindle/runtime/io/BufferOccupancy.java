package dev.spindle.runtime.io;

/**
 * How full the network buffers of one gate or partition are: a producer's subpartition queues
 * fill while consumers are slow or grant no credit, a consumer's gate holds what its credits let
 * in. Both figures are read from other threads (the heartbeat) and may be a moment apart.
 */
public interface BufferOccupancy {

    /** Buffers held right now. */
    int usedBuffers();

    /** Buffers this gate or partition may hold at most. */
    int bufferCapacity();
}
