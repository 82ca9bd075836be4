package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.operators.StreamOperator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** One operator of a task's chain with where its records go: chained operators and network outputs. */
public final class ChainedOperatorConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final StreamOperator<?, ?> operator;
    private final String uid;
    private final List<ChainedOperatorConfig> chainedOutputs = new ArrayList<>();
    private final List<NetworkOutputConfig> networkOutputs = new ArrayList<>();

    public ChainedOperatorConfig(String name, StreamOperator<?, ?> operator, String uid) {
        this.name = name;
        this.operator = operator;
        this.uid = uid;
    }

    /** The operator's uid: the key of its state in checkpoints and savepoints. */
    public String getUid() {
        return uid;
    }

    public String getName() {
        return name;
    }

    public StreamOperator<?, ?> getOperator() {
        return operator;
    }

    public List<ChainedOperatorConfig> getChainedOutputs() {
        return chainedOutputs;
    }

    public List<NetworkOutputConfig> getNetworkOutputs() {
        return networkOutputs;
    }

    /** An output edge of the task: the index of its writer in {@code TaskEnvironment.getOutputWriters()} and its partitioner. */
    public record NetworkOutputConfig(int writerIndex, Partitioner partitioner) implements Serializable {
    }
}
