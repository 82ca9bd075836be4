package dev.spindle.api.dag;

import dev.spindle.api.functions.KeySelector;
import java.util.List;
import java.util.Objects;

/** Not an operator: says how records travel from its input to the operators that consume it (keyBy, rebalance, broadcast). */
public final class PartitionTransformation<T> extends Transformation<T> {

    private final Transformation<T> input;
    private final Partitioning partitioning;
    private final KeySelector<T, ?> keySelector;

    /** A partitioning other than {@link Partitioning#HASH}, which needs a key selector. */
    public PartitionTransformation(int id, Transformation<T> input, Partitioning partitioning) {
        this(id, input, partitioning, null);
    }

    /** {@code keySelector} is the key of a {@link Partitioning#HASH} partitioning, null for the others. */
    public PartitionTransformation(int id, Transformation<T> input, Partitioning partitioning, KeySelector<T, ?> keySelector) {
        super(id, partitioning.name(), DEFAULT_PARALLELISM);
        if (partitioning == Partitioning.HASH) {
            Objects.requireNonNull(keySelector, "key selector");
        }
        this.input = input;
        this.partitioning = partitioning;
        this.keySelector = keySelector;
    }

    /** How records are distributed. */
    public Partitioning getPartitioning() {
        return partitioning;
    }

    /** The key of a HASH partitioning; null otherwise. */
    public KeySelector<T, ?> getKeySelector() {
        return keySelector;
    }

    @Override
    public void setParallelism(int parallelism) {
        throw new UnsupportedOperationException("A " + partitioning + " partitioning has no parallelism of its own; "
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
