package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.io.InputBuffer;
import dev.spindle.runtime.io.InputGate;
import dev.spindle.runtime.metrics.TaskIOMetrics;
import dev.spindle.runtime.operators.RecordTimestamp;
import dev.spindle.runtime.operators.StreamOperator;
import dev.spindle.runtime.operators.TwoInputOperator;
import dev.spindle.runtime.serialization.RecordSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Reads every input gate of a task to its end and feeds the deserialized records to the chain's head. */
final class InputProcessor {


    private final List<InputGate> gates;
    private final RecordSerializer serializer;
    private final StreamOperator<Object, ?> head;
    private final TaskIOMetrics metrics;
    private final BooleanSupplier canceled;

    /** Checkpointing: null without it (then barriers never arrive). */
    private final BarrierHandler barriers;
    private final Runnable mailbox;
    private final RecordTimestamp timestamp;
    private final WatermarkValve valve;
    private final RecordHandler[] gateHandlers;

    InputProcessor(List<InputGate> gates, RecordSerializer serializer, StreamOperator<Object, ?> head,
                   TaskIOMetrics metrics, BooleanSupplier canceled) {
        this(gates, serializer, head, metrics, canceled, null, () -> { });
    }

    /** With checkpointing: barriers go to {@code barriers}; {@code mailbox} runs pending actions (checkpoint notifications) between buffers. */
    InputProcessor(List<InputGate> gates, RecordSerializer serializer, StreamOperator<Object, ?> head,
                   TaskIOMetrics metrics, BooleanSupplier canceled, BarrierHandler barriers, Runnable mailbox) {
        this(gates, serializer, head, metrics, canceled, barriers, mailbox, new RecordTimestamp());
    }

    /**
     * {@code barriers}: null without checkpointing (then barriers never arrive). {@code mailbox} runs
     * pending actions (timers, checkpoint notifications) between buffers. Each record's timestamp is
     * put into {@code timestamp} before the head operator gets the record.
     */
    InputProcessor(List<InputGate> gates, RecordSerializer serializer, StreamOperator<Object, ?> head,
                   TaskIOMetrics metrics, BooleanSupplier canceled, BarrierHandler barriers, Runnable mailbox,
                   RecordTimestamp timestamp) {
        this(gates, List.of(), serializer, head, metrics, canceled, barriers, mailbox, timestamp);
    }

    /**
     * As above, for a head that may have two inputs: {@code gateInputs.get(g)} says which input of the
     * head gate {@code g} feeds (0 or 1; gates not listed feed input 0). The watermark handed to the
     * head is the minimum over all channels of all gates, hence over both inputs, and barriers are
     * aligned over all channels alike.
     */
    InputProcessor(List<InputGate> gates, List<Integer> gateInputs, RecordSerializer serializer, StreamOperator<Object, ?> head,
                   TaskIOMetrics metrics, BooleanSupplier canceled, BarrierHandler barriers, Runnable mailbox,
                   RecordTimestamp timestamp) {
        this.gates = gates;
        this.gateHandlers = new RecordHandler[gates.size()];
        for (int g = 0; g < gates.size(); g++) {
            gateHandlers[g] = handlerOf(head, g < gateInputs.size() ? gateInputs.get(g) : 0);
        }
        this.serializer = serializer;
        this.head = head;
        this.metrics = metrics;
        this.canceled = canceled;
        this.barriers = barriers;
        this.mailbox = mailbox;
        this.timestamp = timestamp;
        this.valve = new WatermarkValve(totalChannels(gates), new WatermarkValve.Target() {
            @Override
            public void onWatermark(long watermark) throws Exception {
                head.processWatermark(watermark);
            }

            @Override
            public void onStatus(boolean idle) throws Exception {
                head.processWatermarkStatus(idle);
            }
        });
    }

    /** Where the records of one gate go: the head's only input, or one of its two. */
    @FunctionalInterface
    private interface RecordHandler {
        void accept(Object record) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static RecordHandler handlerOf(StreamOperator<Object, ?> head, int input) {
        if (head instanceof TwoInputOperator<?, ?> twoInputs) {
            TwoInputOperator<Object, Object> two = (TwoInputOperator<Object, Object>) twoInputs;
            return switch (input) {
                case 0 -> two::processElement1;
                case 1 -> two::processElement2;
                default -> throw new IllegalArgumentException("a two-input operator has inputs 0 and 1, not " + input);
            };
        }
        if (input != 0) {
            throw new IllegalArgumentException("operator " + head.getClass().getSimpleName() + " has one input, but a gate feeds input "
                    + input);
        }
        return head::processElement;
    }

    static int totalChannels(List<InputGate> gates) {
        int n = 0;
        for (InputGate g : gates) {
            n += g.getNumberOfChannels();
        }
        return n;
    }

    void run() throws Exception {
        new CheckpointedInputLoop().run();
    }

    /**
     * The input loop: buffers of channels blocked by alignment (exactly-once checkpoints) wait in per-channel
     * queues (with their channel's end, to keep its order) and are processed once the channel is
     * unblocked; the mailbox runs between buffers, so notifications reach operators in the task thread.
     */
    private final class CheckpointedInputLoop {

        private static final long POLL_MILLIS = 10;
        private static final ByteBuffer END = ByteBuffer.allocate(0);

        private final int[] offsets = new int[gates.size()];
        private final int[] gateOfChannel;
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
            gateOfChannel = new int[n];
            for (int g = 0; g < gates.size(); g++) {
                java.util.Arrays.fill(gateOfChannel, offsets[g], offsets[g] + gates.get(g).getNumberOfChannels(), g);
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
            if (isBlocked(channel) || !queued[channel].isEmpty()) {
                queued[channel].add(data);
                return;
            }
            processItem(channel, data);
            drain();
        }

        private boolean queuedEnd(int channel) {
            return !queued[channel].isEmpty() && queued[channel].peekLast() == END;
        }

        private boolean isBlocked(int channel) {
            return barriers != null && barriers.isBlocked(channel);
        }

        private void processItem(int channel, ByteBuffer data) throws Exception {
            if (data == END) {
                endDelivered[channel] = true;
                if (barriers != null) {
                    barriers.onChannelEnded(channel);
                }
                valve.onChannelEnded(channel);
                return;
            }
            switch (WatermarkEncoding.markerOf(data)) {
                case 0 -> {
                    valve.onRecord(channel);
                    process(data, gateHandlers[gateOfChannel[channel]]);
                }
                case BarrierEncoding.MARKER -> {
                    if (barriers == null) {
                        throw new IOException("A checkpoint barrier arrived at a task that runs without checkpointing");
                    }
                    barriers.onBarrier(channel, BarrierEncoding.decode(data));
                }
                case WatermarkEncoding.WATERMARK -> valve.onWatermark(channel, WatermarkEncoding.decodeWatermark(data));
                case WatermarkEncoding.STATUS -> valve.onStatus(channel, WatermarkEncoding.decodeIdle(data));
                default -> throw new IOException("Corrupt record stream: unknown element marker " + WatermarkEncoding.markerOf(data));
            }
        }

        /** Processes queued items of every channel that is no longer blocked, in each channel's order. */
        private void drain() throws Exception {
            boolean progress = true;
            while (progress) {
                progress = false;
                for (int c = 0; c < queued.length; c++) {
                    while (!queued[c].isEmpty() && !isBlocked(c)) {
                        processItem(c, queued[c].poll());
                        progress = true;
                    }
                }
            }
        }
    }

    private void process(ByteBuffer data, RecordHandler handler) throws Exception {
        long count = 0;
        try {
            while (data.hasRemaining()) {
                int length = data.getInt();
                if ((length & RecordWriter.TIMESTAMP_FLAG) != 0) {
                    length &= ~RecordWriter.TIMESTAMP_FLAG;
                    timestamp.set(data.getLong());
                } else {
                    timestamp.clear();
                }
                int end = data.position() + length;
                Object record = serializer.deserialize(data);
                if (data.position() != end) {
                    throw new IOException("Corrupt record stream: a record of " + length + " bytes was read as "
                            + (data.position() - end + length) + " bytes");
                }
                count++;
                handler.accept(record);
            }
        } finally {
            metrics.addRecordsIn(count);
        }
    }
}
