package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.io.ResultPartitionWriter;
import dev.spindle.runtime.serialization.DataOutputBuffer;
import dev.spindle.runtime.serialization.RecordSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Serializes records of one output edge and frames them ({@code int length, bytes}) into per-
 * subpartition buffers of whole records, sent when full, on {@link #flushAll()} (the buffer
 * timeout) and at the end. Emitting and flushing are synchronized because the flusher thread
 * flushes while the task thread emits.
 */
public final class RecordWriter {

    public static final int BUFFER_SIZE = 32 * 1024;

    private final ResultPartitionWriter target;
    private final Partitioner partitioner;
    private final RecordSerializer serializer;
    private final DataOutputBuffer record = new DataOutputBuffer(256);
    private final byte[][] buffers;
    private final int[] fill;
    private final int n;
    private final boolean flushEveryRecord;
    private long timestamp = dev.spindle.runtime.operators.RecordTimestamp.NONE;

    /** {@code flushEveryRecord}: send each record at once (buffer timeout 0), for the lowest latency. */
    public RecordWriter(ResultPartitionWriter target, Partitioner partitioner, RecordSerializer serializer, int subtaskIndex,
                        boolean flushEveryRecord) {
        this.target = target;
        this.flushEveryRecord = flushEveryRecord;
        this.partitioner = partitioner;
        this.serializer = serializer;
        this.n = target.getNumberOfSubpartitions();
        this.buffers = new byte[n][];
        this.fill = new int[n];
        partitioner.setup(n, subtaskIndex);
    }

    /** Frame length bit saying that an 8-byte event timestamp precedes the record's bytes. */
    static final int TIMESTAMP_FLAG = 1 << 30;

    public synchronized void emit(Object value) throws Exception {
        emit(value, dev.spindle.runtime.operators.RecordTimestamp.NONE);
    }

    /** Emits {@code value} with its event timestamp ({@code RecordTimestamp.NONE}: none; then nothing extra is written). */
    public synchronized void emit(Object value, long timestamp) throws Exception {
        record.clear();
        this.timestamp = timestamp;
        serializer.serialize(value, record);
        if (partitioner.isBroadcast()) {
            for (int s = 0; s < n; s++) {
                append(s);
            }
            if (flushEveryRecord) {
                flushAll();
            }
        } else {
            int s = partitioner.selectSubpartition(value);
            append(s);
            if (flushEveryRecord) {
                flush(s);
            }
        }
    }

    private void append(int s) throws IOException, InterruptedException {
        int len = record.length();
        boolean timed = timestamp != dev.spindle.runtime.operators.RecordTimestamp.NONE;
        if (len >= TIMESTAMP_FLAG) {
            throw new IOException("a record of " + len + " bytes is too large to send (at most " + (TIMESTAMP_FLAG - 1) + ")");
        }
        int needed = 4 + (timed ? 8 : 0) + len;
        if (fill[s] + needed > BUFFER_SIZE) {
            flush(s);
        }
        if (needed > BUFFER_SIZE) {
            // An oversized record travels alone in a buffer of its own size: buffers always hold whole records.
            ByteBuffer big = ByteBuffer.allocate(needed);
            if (timed) {
                big.putInt(len | TIMESTAMP_FLAG).putLong(timestamp);
            } else {
                big.putInt(len);
            }
            big.put(record.array(), 0, len).flip();
            target.emit(s, big);
            return;
        }
        byte[] buf = buffers[s];
        if (buf == null) {
            buf = new byte[BUFFER_SIZE];
            buffers[s] = buf;
        }
        int pos = fill[s];
        int header = timed ? len | TIMESTAMP_FLAG : len;
        buf[pos] = (byte) (header >>> 24);
        buf[pos + 1] = (byte) (header >>> 16);
        buf[pos + 2] = (byte) (header >>> 8);
        buf[pos + 3] = (byte) header;
        pos += 4;
        if (timed) {
            long t = timestamp;
            for (int i = 0; i < 8; i++) {
                buf[pos + i] = (byte) (t >>> (56 - 8 * i));
            }
            pos += 8;
        }
        System.arraycopy(record.array(), 0, buf, pos, len);
        fill[s] = pos + len;
    }

    private void flush(int s) throws IOException, InterruptedException {
        int len = fill[s];
        if (len == 0) {
            return;
        }
        ByteBuffer out;
        if (len >= BUFFER_SIZE / 2) {
            // Hand the array over (the writer owns emitted bytes); a fresh one is allocated on the next record.
            out = ByteBuffer.wrap(buffers[s], 0, len);
            buffers[s] = null;
        } else {
            out = ByteBuffer.wrap(Arrays.copyOf(buffers[s], len));
        }
        fill[s] = 0;
        target.emit(s, out);
    }

    /** Sends what is buffered, then the barrier to every subpartition: every consumer sees it after the records before it. */
    public synchronized void broadcastBarrier(dev.spindle.runtime.checkpoint.CheckpointBarrier barrier)
            throws IOException, InterruptedException {
        flushAll();
        for (int s = 0; s < n; s++) {
            target.emit(s, BarrierEncoding.encode(barrier));
        }
    }

    /** Sends what is buffered, then the watermark to every subpartition (each consumer takes the minimum over its producers). */
    public synchronized void broadcastWatermark(long watermark) throws IOException, InterruptedException {
        flushAll();
        for (int s = 0; s < n; s++) {
            target.emit(s, WatermarkEncoding.encodeWatermark(watermark));
        }
    }

    /** Sends what is buffered, then the idle/active status to every subpartition. */
    public synchronized void broadcastWatermarkStatus(boolean idle) throws IOException, InterruptedException {
        flushAll();
        for (int s = 0; s < n; s++) {
            target.emit(s, WatermarkEncoding.encodeStatus(idle));
        }
    }

    /** Sends every partly filled buffer. */
    public synchronized void flushAll() throws IOException, InterruptedException {
        for (int s = 0; s < n; s++) {
            flush(s);
        }
    }

    /** Sends what is left and ends every subpartition. */
    public synchronized void finish() throws IOException, InterruptedException {
        flushAll();
        target.finish();
    }

    public void release(Throwable cause) {
        target.release(cause);
    }
}
