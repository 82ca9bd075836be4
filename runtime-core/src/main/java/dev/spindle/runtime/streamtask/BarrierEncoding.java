package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.checkpoint.CheckpointBarrier;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A barrier travels as a buffer of its own in the record stream, so every exchange (local queue or
 * network stream) carries it in order without knowing about it. Record frames start with their
 * non-negative length; a barrier buffer starts with {@link #MARKER}.
 */
final class BarrierEncoding {

    static final int MARKER = -1;

    private BarrierEncoding() {
    }

    static ByteBuffer encode(CheckpointBarrier barrier) {
        byte[] dir = barrier.targetDirectory().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(4 + 8 + 8 + 1 + 4 + dir.length);
        b.putInt(MARKER).putLong(barrier.id()).putLong(barrier.timestamp()).put((byte) (barrier.savepoint() ? 1 : 0))
                .putInt(dir.length).put(dir).flip();
        return b;
    }

    static boolean isBarrier(ByteBuffer buffer) {
        return buffer.remaining() >= 4 && buffer.getInt(buffer.position()) == MARKER;
    }

    static CheckpointBarrier decode(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        b.getInt();
        long id = b.getLong();
        long timestamp = b.getLong();
        boolean savepoint = b.get() == 1;
        byte[] dir = new byte[b.getInt()];
        b.get(dir);
        return new CheckpointBarrier(id, timestamp, new String(dir, StandardCharsets.UTF_8), savepoint);
    }
}
