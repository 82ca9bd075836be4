package dev.spindle.runtime.graph;

import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.streamtask.Partitioner;

/** A connection between two operators of the stream graph. */
public record StreamEdge(StreamNode source, StreamNode target, ShipStrategy shipStrategy, Partitioner partitioner,
                         dev.spindle.api.OutputTag<?> outputTag) {

    /** An edge of the source's main output. */
    public StreamEdge(StreamNode source, StreamNode target, ShipStrategy shipStrategy, Partitioner partitioner) {
        this(source, target, shipStrategy, partitioner, null);
    }

    @Override
    public String toString() {
        return source.getName() + (outputTag == null ? "" : "[" + outputTag.getId() + "]") + " -" + shipStrategy + "-> " + target.getName();
    }
}
