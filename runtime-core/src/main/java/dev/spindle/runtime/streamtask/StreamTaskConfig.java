package dev.spindle.runtime.streamtask;

import java.io.Serializable;
import java.util.List;

/**
 * What a {@link StreamTaskInvokable} runs: the operator chain of its vertex, the resolved runtime mode
 * and, per input gate (in gate order), which input of the head operator the gate feeds (0, or 1 for
 * the second input of a two-input head).
 */
public record StreamTaskConfig(ChainedOperatorConfig head, boolean batchMode, List<Integer> gateInputs) implements Serializable {

    public StreamTaskConfig {
        gateInputs = List.copyOf(gateInputs);
    }

    /** A chain whose head has one input: every gate feeds it. */
    public StreamTaskConfig(ChainedOperatorConfig head, boolean batchMode) {
        this(head, batchMode, List.of());
    }

    /** The head's input that gate {@code gate} feeds; 0 for gates not listed. */
    public int inputOfGate(int gate) {
        return gate < gateInputs.size() ? gateInputs.get(gate) : 0;
    }
}
