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

    /** The side output of the previous operator this one reads; null for its main output. */
    private final dev.spindle.api.OutputTag<?> inputTag;

    public ChainedOperatorConfig(String name, StreamOperator<?, ?> operator, String uid) {
        this(name, operator, uid, null);
    }

    /** An operator chained to the side output {@code inputTag} of the previous one (null: its main output). */
    public ChainedOperatorConfig(String name, StreamOperator<?, ?> operator, String uid, dev.spindle.api.OutputTag<?> inputTag) {
        this.name = name;
        this.operator = operator;
        this.uid = uid;
        this.inputTag = inputTag;
    }

    public dev.spindle.api.OutputTag<?> getInputTag() {
        return inputTag;
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

    /**
     * An output edge of the task: the index of its writer in {@code TaskEnvironment.getOutputWriters()},
     * its partitioner and the side output it carries (null: the main output).
     */
    public record NetworkOutputConfig(int writerIndex, Partitioner partitioner, dev.spindle.api.OutputTag<?> tag) implements Serializable {

        public NetworkOutputConfig(int writerIndex, Partitioner partitioner) {
            this(writerIndex, partitioner, null);
        }
    }
}
