package dev.spindle.runtime.streamtask;

import java.io.Serializable;

/** What a {@link StreamTaskInvokable} runs: the operator chain of its vertex and the resolved runtime mode. */
public record StreamTaskConfig(ChainedOperatorConfig head, boolean batchMode) implements Serializable {
}
