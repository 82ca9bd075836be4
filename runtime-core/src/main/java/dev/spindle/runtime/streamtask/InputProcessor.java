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

    InputProcessor(List<InputGate> gates, RecordSerializer serializer, StreamOperator<Object, ?> head,
                   TaskIOMetrics metrics, BooleanSupplier canceled) {
        this.gates = gates;
        this.serializer = serializer;
        this.head = head;
        this.metrics = metrics;
        this.canceled = canceled;
    }

    void run() throws Exception {
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
