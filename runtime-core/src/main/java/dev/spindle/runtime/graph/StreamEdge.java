package dev.spindle.runtime.graph;

import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.streamtask.Partitioner;

/** A connection between two operators of the stream graph. */
public record StreamEdge(StreamNode source, StreamNode target, ShipStrategy shipStrategy, Partitioner partitioner) {

    @Override
    public String toString() {
        return source.getName() + " -" + shipStrategy + "-> " + target.getName();
    }
}
