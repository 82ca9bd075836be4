package dev.spindle.runtime.graph;

import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.streamtask.Partitioner;
import java.util.List;

/** Not an operator: says how records travel from its input to the operators that consume it (keyBy, rebalance, broadcast). */
public final class PartitionTransformation<T> extends Transformation<T> {

    private final Transformation<T> input;
    private final ShipStrategy shipStrategy;
    private final Partitioner partitioner;

    public PartitionTransformation(int id, Transformation<T> input, ShipStrategy shipStrategy, Partitioner partitioner) {
        super(id, shipStrategy.name(), DEFAULT_PARALLELISM);
        this.input = input;
        this.shipStrategy = shipStrategy;
        this.partitioner = partitioner;
    }

    public ShipStrategy getShipStrategy() {
        return shipStrategy;
    }

    public Partitioner getPartitioner() {
        return partitioner;
    }

    @Override
    public void setParallelism(int parallelism) {
        throw new UnsupportedOperationException("A " + shipStrategy + " partitioning has no parallelism of its own; "
                + "set it on the operator that follows");
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }

    @Override
    public boolean isPhysical() {
        return false;
    }
}
