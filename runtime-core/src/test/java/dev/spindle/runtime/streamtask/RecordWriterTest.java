package dev.spindle.runtime.streamtask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.io.ResultPartitionWriter;
import dev.spindle.runtime.serialization.RecordSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordWriterTest {

    /** Keeps every emitted buffer per subpartition. */
    static final class CapturingWriter implements ResultPartitionWriter {
        final List<List<ByteBuffer>> buffers = new ArrayList<>();
        boolean finished;

        CapturingWriter(int n) {
            for (int i = 0; i < n; i++) {
                buffers.add(new ArrayList<>());
            }
        }

        @Override
        public int getNumberOfSubpartitions() {
            return buffers.size();
        }

        @Override
        public void emit(int subpartition, ByteBuffer buffer) {
            buffers.get(subpartition).add(buffer);
        }

        @Override
        public void finish() {
            finished = true;
        }

        @Override
        public void release(Throwable cause) {
        }

        List<Object> records(int subpartition) throws IOException {
            RecordSerializer serializer = new RecordSerializer(null);
            List<Object> out = new ArrayList<>();
            for (ByteBuffer b : buffers.get(subpartition)) {
                ByteBuffer copy = b.duplicate();
                while (copy.hasRemaining()) {
                    int len = copy.getInt();
                    int end = copy.position() + len;
                    out.add(serializer.deserialize(copy));
                    assertEquals(end, copy.position(), "a buffer holds whole, length-prefixed records");
                }
            }
            return out;
        }
    }

    @Test
    void buffersHoldWholeRecordsAndOversizedRecordsTravelAlone() throws Exception {
        CapturingWriter target = new CapturingWriter(1);
        RecordWriter writer = new RecordWriter(target, new ForwardPartitioner(), new RecordSerializer(null), 0, false);
        List<Object> sent = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String s = "record-" + i;
            sent.add(s);
            writer.emit(s);
        }
        String huge = "h".repeat(100_000);
        sent.add(huge);
        writer.emit(huge);
        sent.add(1L);
        writer.emit(1L);
        assertTrue(target.buffers.get(0).size() > 5, "full buffers were sent before the end");
        writer.finish();
        assertTrue(target.finished);
        assertEquals(sent, target.records(0));
        for (ByteBuffer b : target.buffers.get(0)) {
            assertTrue(b.remaining() <= RecordWriter.BUFFER_SIZE || b.remaining() == 100_000 + 1 + 3 + 4, "size " + b.remaining());
        }
    }

    @Test
    void partitionersRouteAsTheirStrategySays() throws Exception {
        CapturingWriter broadcast = new CapturingWriter(3);
        RecordWriter b = new RecordWriter(broadcast, new BroadcastPartitioner(), new RecordSerializer(null), 0, true);
        b.emit("x");
        for (int s = 0; s < 3; s++) {
            assertEquals(List.of("x"), broadcast.records(s));
        }

        CapturingWriter rebalance = new CapturingWriter(3);
        RecordWriter r = new RecordWriter(rebalance, new RebalancePartitioner(), new RecordSerializer(null), 1, false);
        for (long i = 0; i < 6; i++) {
            r.emit(i);
        }
        r.flushAll();
        // Producer subtask 1 starts at subpartition 1.
        assertEquals(List.of(0L, 3L), rebalance.records(1));
        assertEquals(List.of(1L, 4L), rebalance.records(2));
        assertEquals(List.of(2L, 5L), rebalance.records(0));
    }

    enum Color { RED, GREEN }

    @Test
    void keyHashingIsValueBasedAndRejectsIdentityHashes() {
        assertEquals(KeyHashing.subpartition(Color.RED, 7),
                (KeyHashing.mix("RED".hashCode()) & Integer.MAX_VALUE) % 7, "enums hash by name");
        assertEquals(KeyHashing.subpartition(dev.spindle.api.tuple.Tuple2.of("a", 1L), 5),
                KeyHashing.subpartition(dev.spindle.api.tuple.Tuple2.of("a", 1L), 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyHashing.subpartition(new Object(), 4));
        assertTrue(e.getMessage().contains("does not override hashCode"));
        assertThrows(IllegalArgumentException.class, () -> KeyHashing.subpartition(new byte[] {1}, 4));
        int[] histogram = new int[4];
        for (int i = 0; i < 4000; i++) {
            histogram[KeyHashing.subpartition((long) i, 4)]++;
        }
        for (int count : histogram) {
            assertTrue(count > 800, "keys spread evenly: " + java.util.Arrays.toString(histogram));
        }
    }
}
