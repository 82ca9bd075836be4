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

    public synchronized void emit(Object value) throws Exception {
        record.clear();
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
        int needed = 4 + len;
        if (fill[s] + needed > BUFFER_SIZE) {
            flush(s);
        }
        if (needed > BUFFER_SIZE) {
            // An oversized record travels alone in a buffer of its own size: buffers always hold whole records.
            ByteBuffer big = ByteBuffer.allocate(needed);
            big.putInt(len).put(record.array(), 0, len).flip();
            target.emit(s, big);
            return;
        }
        byte[] buf = buffers[s];
        if (buf == null) {
            buf = new byte[BUFFER_SIZE];
            buffers[s] = buf;
        }
        int pos = fill[s];
        buf[pos] = (byte) (len >>> 24);
        buf[pos + 1] = (byte) (len >>> 16);
        buf[pos + 2] = (byte) (len >>> 8);
        buf[pos + 3] = (byte) len;
        System.arraycopy(record.array(), 0, buf, pos + 4, len);
        fill[s] = pos + needed;
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
