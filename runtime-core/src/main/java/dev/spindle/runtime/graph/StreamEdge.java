package dev.spindle.runtime.graph;

import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.streamtask.Partitioner;

/**
 * A connection between two operators of the stream graph; {@code targetInput} is the input of the
 * target it feeds (0 for one-input operators; 0 or 1 for the two inputs of connected streams).
 */
public record StreamEdge(StreamNode source, StreamNode target, ShipStrategy shipStrategy, Partitioner partitioner,
                         dev.spindle.api.OutputTag<?> outputTag, int targetInput) {

    /** An edge of the source's main output. */
    public StreamEdge(StreamNode source, StreamNode target, ShipStrategy shipStrategy, Partitioner partitioner) {
        this(source, target, shipStrategy, partitioner, null, 0);
    }

    /** An edge into a one-input operator. */
    public StreamEdge(StreamNode source, StreamNode target, ShipStrategy shipStrategy, Partitioner partitioner,
                      dev.spindle.api.OutputTag<?> outputTag) {
        this(source, target, shipStrategy, partitioner, outputTag, 0);
    }

    @Override
    public String toString() {
        return source.getName() + (outputTag == null ? "" : "[" + outputTag.getId() + "]") + " -" + shipStrategy + "-> " + target.getName();
    }
}
