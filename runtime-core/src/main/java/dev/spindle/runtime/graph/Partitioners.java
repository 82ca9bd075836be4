package dev.spindle.runtime.graph;

import dev.spindle.api.dag.Partitioning;
import dev.spindle.api.dag.PartitionTransformation;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.streamtask.BroadcastPartitioner;
import dev.spindle.runtime.streamtask.ForwardPartitioner;
import dev.spindle.runtime.streamtask.HashPartitioner;
import dev.spindle.runtime.streamtask.Partitioner;
import dev.spindle.runtime.streamtask.RebalancePartitioner;

/** Maps the API's {@link Partitioning} to the job graph's ship strategy and the partitioner that implements it. */
final class Partitioners {

    private Partitioners() {
    }

    static ShipStrategy shipStrategy(Partitioning partitioning) {
        return switch (partitioning) {
            case FORWARD -> ShipStrategy.FORWARD;
            case HASH -> ShipStrategy.HASH;
            case REBALANCE -> ShipStrategy.REBALANCE;
            case BROADCAST -> ShipStrategy.BROADCAST;
        };
    }

    /** A new partitioner for {@code p}; HASH ones hash the key of {@code p}'s key selector. */
    static Partitioner partitioner(PartitionTransformation<?> p) {
        return switch (p.getPartitioning()) {
            case FORWARD -> new ForwardPartitioner();
            case HASH -> new HashPartitioner<>(p.getKeySelector());
            case REBALANCE -> new RebalancePartitioner();
            case BROADCAST -> new BroadcastPartitioner();
        };
    }
}
