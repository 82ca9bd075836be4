package dev.spindle.runtime.graph;

import dev.spindle.runtime.operators.StreamOperator;
import java.util.ArrayList;
import java.util.List;

/** An operator of the stream graph with its resolved parallelism and edges. */
public final class StreamNode {

    private final int id;
    private final String name;
    private final int parallelism;
    private final StreamOperator<?, ?> operator;
    private final boolean source;
    private final boolean bounded;
    private String uid;
    private final List<StreamEdge> inEdges = new ArrayList<>();
    private final List<StreamEdge> outEdges = new ArrayList<>();

    StreamNode(int id, String name, int parallelism, StreamOperator<?, ?> operator, boolean source, boolean bounded) {
        this.id = id;
        this.name = name;
        this.parallelism = parallelism;
        this.operator = operator;
        this.source = source;
        this.bounded = bounded;
    }

    public int getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getParallelism() {
        return parallelism;
    }

    public StreamOperator<?, ?> getOperator() {
        return operator;
    }

    public boolean isSource() {
        return source;
    }

    /** For sources: whether they end by themselves. */
    public boolean isBounded() {
        return bounded;
    }

    /** Stable operator id: the user's {@code uid(...)} or one derived from the node's place in the graph. */
    public String getUid() {
        return uid;
    }

    void setUid(String uid) {
        this.uid = uid;
    }

    public List<StreamEdge> getInEdges() {
        return inEdges;
    }

    public List<StreamEdge> getOutEdges() {
        return outEdges;
    }

    @Override
    public String toString() {
        return name + " (id " + id + ", parallelism " + parallelism + ")";
    }
}
