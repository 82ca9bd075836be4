package dev.spindle.runtime.graph;

import dev.spindle.api.RuntimeMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The program's operators and their connections, before chaining; nodes in topological order. */
public final class StreamGraph {

    private final List<StreamNode> nodes = new ArrayList<>();
    private final List<StreamEdge> edges = new ArrayList<>();
    private final RuntimeMode runtimeMode;

    StreamGraph(RuntimeMode runtimeMode) {
        this.runtimeMode = runtimeMode;
    }

    void addNode(StreamNode node) {
        nodes.add(node);
    }

    void addEdge(StreamEdge edge) {
        edges.add(edge);
        edge.source().getOutEdges().add(edge);
        edge.target().getInEdges().add(edge);
    }

    public List<StreamNode> getNodes() {
        return Collections.unmodifiableList(nodes);
    }

    public List<StreamEdge> getEdges() {
        return Collections.unmodifiableList(edges);
    }

    /** STREAMING or BATCH, AUTOMATIC already resolved from the sources' boundedness. */
    public RuntimeMode getRuntimeMode() {
        return runtimeMode;
    }
}
