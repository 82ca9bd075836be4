package dev.spindle.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The producing side of one output edge of one subtask: one subpartition per consumer subtask
 * (one in total for a FORWARD edge). Buffers hold whole serialized records; the record writer
 * decides framing and when to flush. Implementations are local (in-JVM queue) or remote (a
 * credit-based gRPC stream) and block in {@link #emit} when the consumer is slow, which is how
 * back pressure reaches the producer.
 */
public interface ResultPartitionWriter {

    /** Number of consumer subtasks this writer feeds. */
    int getNumberOfSubpartitions();

    /**
     * Hands a buffer of whole records to one subpartition. The writer takes ownership of the
     * buffer's remaining bytes. Blocks while the subpartition has no room (back pressure).
     */
    void emit(int subpartition, ByteBuffer buffer) throws IOException, InterruptedException;

    /** Marks the end of data on every subpartition; consumers see their channel end. */
    void finish() throws IOException, InterruptedException;

    /** Releases resources after failure or cancel; pending data may be dropped. */
    void release(Throwable cause);
}
