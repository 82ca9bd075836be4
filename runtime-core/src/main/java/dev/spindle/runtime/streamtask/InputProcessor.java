package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.io.InputBuffer;
import dev.spindle.runtime.io.InputGate;
import dev.spindle.runtime.metrics.TaskIOMetrics;
import dev.spindle.runtime.operators.StreamOperator;
import dev.spindle.runtime.serialization.RecordSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Reads every input gate of a task to its end and feeds the deserialized records to the chain's head. */
final class InputProcessor {

    private static final long MULTI_GATE_POLL_MILLIS = 5;

    private final List<InputGate> gates;
    private final RecordSerializer serializer;
    private final StreamOperator<Object, ?> head;
    private final TaskIOMetrics metrics;
    private final BooleanSupplier canceled;

    /** Checkpointing: null without it (then barriers never arrive). */
    private final BarrierHandler barriers;
    private final Runnable mailbox;

    InputProcessor(List<InputGate> gates, RecordSerializer serializer, StreamOperator<Object, ?> head,
                   TaskIOMetrics metrics, BooleanSupplier canceled) {
        this(gates, serializer, head, metrics, canceled, null, () -> { });
    }

    /** With checkpointing: barriers go to {@code barriers}; {@code mailbox} runs pending actions (checkpoint notifications) between buffers. */
    InputProcessor(List<InputGate> gates, RecordSerializer serializer, StreamOperator<Object, ?> head,
                   TaskIOMetrics metrics, BooleanSupplier canceled, BarrierHandler barriers, Runnable mailbox) {
        this.gates = gates;
        this.serializer = serializer;
        this.head = head;
        this.metrics = metrics;
        this.canceled = canceled;
        this.barriers = barriers;
        this.mailbox = mailbox;
    }

    static int totalChannels(List<InputGate> gates) {
        int n = 0;
        for (InputGate g : gates) {
            n += g.getNumberOfChannels();
        }
        return n;
    }

    void run() throws Exception {
        if (barriers != null) {
            new CheckpointedInputLoop().run();
            return;
        }
        if (gates.size() == 1) {
            InputGate gate = gates.get(0);
            InputBuffer buffer;
            while (!canceled.getAsBoolean() && (buffer = gate.getNext()) != null) {
                process(buffer.data());
            }
            return;
        }
        // Several inputs (a union or several producers): take whatever is ready, round robin, and
        // only block briefly on one gate when none had data.
        boolean[] ended = new boolean[gates.size()];
        int open = gates.size();
        int next = 0;
        while (open > 0 && !canceled.getAsBoolean()) {
            boolean gotData = false;
            for (int i = 0; i < gates.size(); i++) {
                if (ended[i]) {
                    continue;
                }
                InputBuffer buffer = gates.get(i).poll(0);
                if (buffer == null) {
                    ended[i] = true;
                    open--;
                } else if (buffer != InputBuffer.NONE_YET) {
                    process(buffer.data());
                    gotData = true;
                }
            }
            if (!gotData && open > 0) {
                while (ended[next]) {
                    next = (next + 1) % gates.size();
                }
                InputBuffer buffer = gates.get(next).poll(MULTI_GATE_POLL_MILLIS);
                if (buffer == null) {
                    ended[next] = true;
                    open--;
                } else if (buffer != InputBuffer.NONE_YET) {
                    process(buffer.data());
                }
                next = (next + 1) % gates.size();
            }
        }
    }

    /**
     * The input loop with checkpointing: buffers of channels blocked by alignment wait in per-channel
     * queues (with their channel's end, to keep its order) and are processed once the channel is
     * unblocked; the mailbox runs between buffers, so notifications reach operators in the task thread.
     */
    private final class CheckpointedInputLoop {

        private static final long POLL_MILLIS = 10;
        private static final ByteBuffer END = ByteBuffer.allocate(0);

        private final int[] offsets = new int[gates.size()];
        private final java.util.ArrayDeque<ByteBuffer>[] queued;
        private final boolean[] endDelivered;
        private final java.util.ArrayList<Integer> endsSeen = new java.util.ArrayList<>();

        @SuppressWarnings("unchecked")
        CheckpointedInputLoop() {
            int n = 0;
            for (int g = 0; g < gates.size(); g++) {
                offsets[g] = n;
                int offset = n;
                gates.get(g).setChannelEndListener(ch -> endsSeen.add(offset + ch));
                n += gates.get(g).getNumberOfChannels();
            }
            queued = new java.util.ArrayDeque[n];
            for (int c = 0; c < n; c++) {
                queued[c] = new java.util.ArrayDeque<>();
            }
            endDelivered = new boolean[n];
        }

        void run() throws Exception {
            boolean[] gateEnded = new boolean[gates.size()];
            int open = gates.size();
            int next = 0;
            while (open > 0 && !canceled.getAsBoolean()) {
                mailbox.run();
                boolean gotData = false;
                for (int g = 0; g < gates.size() && !canceled.getAsBoolean(); g++) {
                    if (gateEnded[g]) {
                        continue;
                    }
                    // one gate: wait a little here; several: take what is ready and wait below
                    InputBuffer buffer = gates.get(g).poll(gates.size() == 1 ? POLL_MILLIS : 0);
                    if (handle(g, buffer)) {
                        gateEnded[g] = true;
                        open--;
                    } else if (buffer != InputBuffer.NONE_YET) {
                        gotData = true;
                    }
                }
                if (!gotData && open > 1) {
                    while (gateEnded[next]) {
                        next = (next + 1) % gates.size();
                    }
                    if (handle(next, gates.get(next).poll(5))) {
                        gateEnded[next] = true;
                        open--;
                    }
                    next = (next + 1) % gates.size();
                }
            }
            // what alignment still holds back was sent before the ends: process it
            drain();
        }

        /** Delivers what a poll returned; true when the gate ended. */
        private boolean handle(int gate, InputBuffer buffer) throws Exception {
            for (Integer c : endsSeen) {
                deliver(c, END);
            }
            endsSeen.clear();
            if (buffer == null) {
                InputGate g = gates.get(gate);
                for (int ch = 0; ch < g.getNumberOfChannels(); ch++) {
                    deliver(offsets[gate] + ch, END);
                }
                return true;
            }
            if (buffer != InputBuffer.NONE_YET) {
                deliver(offsets[gate] + buffer.channelIndex(), buffer.data());
            }
            return false;
        }

        private void deliver(int channel, ByteBuffer data) throws Exception {
            if (data == END && (endDelivered[channel] || queuedEnd(channel))) {
                return;
            }
            if (barriers.isBlocked(channel) || !queued[channel].isEmpty()) {
                queued[channel].add(data);
                return;
            }
            processItem(channel, data);
            drain();
        }

        private boolean queuedEnd(int channel) {
            return !queued[channel].isEmpty() && queued[channel].peekLast() == END;
        }

        private void processItem(int channel, ByteBuffer data) throws Exception {
            if (data == END) {
                endDelivered[channel] = true;
                barriers.onChannelEnded(channel);
            } else if (BarrierEncoding.isBarrier(data)) {
                barriers.onBarrier(channel, BarrierEncoding.decode(data));
            } else {
                process(data);
            }
        }

        /** Processes queued items of every channel that is no longer blocked, in each channel's order. */
        private void drain() throws Exception {
            boolean progress = true;
            while (progress) {
                progress = false;
                for (int c = 0; c < queued.length; c++) {
                    while (!queued[c].isEmpty() && !barriers.isBlocked(c)) {
                        processItem(c, queued[c].poll());
                        progress = true;
                    }
                }
            }
        }
    }

    private void process(ByteBuffer data) throws Exception {
        long count = 0;
        try {
            while (data.hasRemaining()) {
                int length = data.getInt();
                int end = data.position() + length;
                Object record = serializer.deserialize(data);
                if (data.position() != end) {
                    throw new IOException("Corrupt record stream: a record of " + length + " bytes was read as "
                            + (data.position() - end + length) + " bytes");
                }
                count++;
                head.processElement(record);
            }
        } finally {
            metrics.addRecordsIn(count);
        }
    }
}
