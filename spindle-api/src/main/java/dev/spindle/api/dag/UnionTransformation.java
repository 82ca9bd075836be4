package dev.spindle.api.dag;

import java.util.List;

/** Not an operator: the records of several streams (of one type) read as one stream by the next operator. */
public final class UnionTransformation<T> extends Transformation<T> {

    private final List<Transformation<?>> inputs;

    /** The records of all {@code inputs} as one stream. */
    public UnionTransformation(int id, List<Transformation<?>> inputs) {
        super(id, "Union", DEFAULT_PARALLELISM);
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public void setParallelism(int parallelism) {
        throw new UnsupportedOperationException("A union has no parallelism of its own; set it on the operator that follows");
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return inputs;
    }

    @Override
    public boolean isPhysical() {
        return false;
    }
}
