package dev.spindle.runtime.streamtask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.runtime.checkpoint.CheckpointBarrier;
import dev.spindle.runtime.io.InputBuffer;
import dev.spindle.runtime.io.InputGate;
import dev.spindle.runtime.metrics.TaskIOMetrics;
import dev.spindle.runtime.operators.StreamOperator;
import dev.spindle.runtime.serialization.DataOutputBuffer;
import dev.spindle.runtime.serialization.RecordSerializer;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

class BarrierAlignmentTest {

    private static final RecordSerializer SERIALIZER = new RecordSerializer(BarrierAlignmentTest.class.getClassLoader());

    /** Everything a task does, in order: records processed, snapshots, aborted checkpoints. */
    private final List<String> events = new ArrayList<>();

    private final BarrierListener listener = new BarrierListener() {
        @Override
        public void onAligned(CheckpointBarrier barrier) {
            events.add("snapshot " + barrier.id());
        }

        @Override
        public void onAborted(long checkpointId, String reason) {
            events.add("abort " + checkpointId);
        }
    };

    private static CheckpointBarrier barrier(long id) {
        return new CheckpointBarrier(id, 0, "file:///tmp/x", false);
    }

    @Test
    void exactlyOnceBlocksChannelsThatDeliveredTheBarrierUntilAllHave() throws Exception {
        BarrierHandler h = BarrierHandler.create(true, 3, listener);
        h.onBarrier(0, barrier(1));
        assertTrue(h.isBlocked(0));
        assertFalse(h.isBlocked(1));
        h.onBarrier(2, barrier(1));
        assertTrue(h.isBlocked(2));
        assertEquals(List.of(), events);
        h.onBarrier(1, barrier(1));
        assertEquals(List.of("snapshot 1"), events);
        assertFalse(h.isBlocked(0) || h.isBlocked(1) || h.isBlocked(2));
    }

    @Test
    void endedChannelsCountAsAligned() throws Exception {
        BarrierHandler h = BarrierHandler.create(true, 2, listener);
        h.onChannelEnded(1);
        h.onBarrier(0, barrier(1));
        assertEquals(List.of("snapshot 1"), events);
        // ended before the barrier arrived on the other channel: that end completes the alignment
        BarrierHandler h2 = BarrierHandler.create(true, 2, listener);
        h2.onBarrier(0, barrier(7));
        h2.onChannelEnded(1);
        assertEquals(List.of("snapshot 1", "snapshot 7"), events);
    }

    @Test
    void atLeastOnceNeverBlocksAndSnapshotsOnTheLastBarrier() throws Exception {
        BarrierHandler h = BarrierHandler.create(false, 2, listener);
        h.onBarrier(1, barrier(3));
        assertFalse(h.isBlocked(1));
        assertEquals(List.of(), events);
        h.onBarrier(0, barrier(3));
        assertEquals(List.of("snapshot 3"), events);
    }

    @Test
    void aNewerBarrierAbortsAnUnfinishedAlignmentAndLateBarriersAreIgnored() throws Exception {
        BarrierHandler h = BarrierHandler.create(true, 2, listener);
        h.onBarrier(0, barrier(1));
        h.onBarrier(1, barrier(2));
        assertEquals(List.of("abort 1"), events);
        h.onBarrier(1, barrier(1)); // late barrier of the given-up checkpoint
        h.onBarrier(0, barrier(2));
        assertEquals(List.of("abort 1", "snapshot 2"), events);
    }

    /** Two channels: records after the barrier on channel 0 wait until channel 1 delivered it, then follow the snapshot. */
    @Test
    void recordsBehindTheBarrierOfABlockedChannelAreProcessedAfterTheSnapshot() throws Exception {
        ScriptedGate gate = new ScriptedGate(2);
        gate.add(0, records("a1"));
        gate.add(0, BarrierEncoding.encode(barrier(1)));
        gate.add(0, records("a2", "a3"));
        gate.add(1, records("b1"));
        gate.add(1, BarrierEncoding.encode(barrier(1)));
        gate.add(1, records("b2"));
        gate.end(0);
        gate.end(1);
        runTask(gate, true);
        assertEquals(List.of("a1", "b1", "snapshot 1", "a2", "a3", "b2"), events);
    }

    @Test
    void atLeastOnceLetsRecordsBehindTheBarrierThrough() throws Exception {
        ScriptedGate gate = new ScriptedGate(2);
        gate.add(0, BarrierEncoding.encode(barrier(1)));
        gate.add(0, records("a2"));
        gate.add(1, records("b1"));
        gate.add(1, BarrierEncoding.encode(barrier(1)));
        gate.end(0);
        gate.end(1);
        runTask(gate, false);
        assertEquals(List.of("a2", "b1", "snapshot 1"), events);
    }

    @Test
    void aChannelThatEndsWhileOthersAlignCompletesTheCheckpoint() throws Exception {
        ScriptedGate gate = new ScriptedGate(2);
        gate.add(0, BarrierEncoding.encode(barrier(4)));
        gate.add(0, records("a1"));
        gate.add(1, records("b1"));
        gate.end(1);
        gate.end(0);
        runTask(gate, true);
        assertEquals(List.of("b1", "snapshot 4", "a1"), events);
    }

    private void runTask(InputGate gate, boolean exactlyOnce) throws Exception {
        StreamOperator<Object, Void> recorder = new StreamOperator<>() {
            @Override
            public void processElement(Object record) {
                events.add((String) record);
            }
        };
        BarrierHandler handler = BarrierHandler.create(exactlyOnce, gate.getNumberOfChannels(), listener);
        new InputProcessor(List.of(gate), SERIALIZER, recorder, new TaskIOMetrics(), () -> false, handler, () -> { }).run();
    }

    private static ByteBuffer records(String... values) {
        DataOutputBuffer all = new DataOutputBuffer(64);
        ByteBuffer out = ByteBuffer.allocate(4096);
        for (String v : values) {
            all.clear();
            SERIALIZER.serialize(v, all);
            out.putInt(all.length()).put(all.array(), 0, all.length());
        }
        out.flip();
        return out;
    }

    /** Hands out its script in order (as a gate would), telling the end listener of each channel's end. */
    private static final class ScriptedGate implements InputGate {
        private record Step(int channel, ByteBuffer data) {
        }

        private final int channels;
        private final ArrayDeque<Step> script = new ArrayDeque<>();
        private IntConsumer endListener = c -> { };
        private int ended;

        ScriptedGate(int channels) {
            this.channels = channels;
        }

        void add(int channel, ByteBuffer data) {
            script.add(new Step(channel, data));
        }

        void end(int channel) {
            script.add(new Step(channel, null));
        }

        @Override
        public int getNumberOfChannels() {
            return channels;
        }

        @Override
        public InputBuffer getNext() {
            while (!script.isEmpty()) {
                Step s = script.poll();
                if (s.data() == null) {
                    ended++;
                    endListener.accept(s.channel());
                    if (ended == channels) {
                        return null;
                    }
                    continue;
                }
                return new InputBuffer(s.channel(), s.data());
            }
            return null;
        }

        @Override
        public InputBuffer poll(long timeoutMillis) {
            return getNext();
        }

        @Override
        public void setChannelEndListener(IntConsumer listener) {
            this.endListener = listener;
        }

        @Override
        public void close() {
        }
    }
}
