package dev.spindle.runtime.streamtask;

import java.nio.ByteBuffer;

/**
 * Watermarks and idleness travel like barriers, as buffers of their own in the record stream (so
 * they keep their place among the records on every exchange), marked by a negative first int that
 * no record frame (non-negative length) and no barrier ({@link BarrierEncoding#MARKER}) starts with.
 */
final class WatermarkEncoding {

    static final int WATERMARK = -2;
    static final int STATUS = -3;

    private WatermarkEncoding() {
    }

    static ByteBuffer encodeWatermark(long watermark) {
        ByteBuffer b = ByteBuffer.allocate(12);
        b.putInt(WATERMARK).putLong(watermark).flip();
        return b;
    }

    static ByteBuffer encodeStatus(boolean idle) {
        ByteBuffer b = ByteBuffer.allocate(5);
        b.putInt(STATUS).put((byte) (idle ? 1 : 0)).flip();
        return b;
    }

    /** The marker the buffer starts with, or 0 for a buffer of records. */
    static int markerOf(ByteBuffer buffer) {
        if (buffer.remaining() < 4) {
            return 0;
        }
        int first = buffer.getInt(buffer.position());
        return first < 0 ? first : 0;
    }

    static long decodeWatermark(ByteBuffer buffer) {
        return buffer.getLong(buffer.position() + 4);
    }

    static boolean decodeIdle(ByteBuffer buffer) {
        return buffer.get(buffer.position() + 4) == 1;
    }
}
