package dev.spindle.runtime.graph;

import dev.spindle.runtime.operators.SourceOperator;
import java.util.List;

/** A source; {@code maxParallelism} is 1 for sources that cannot be read in parallel (socket, collection). */
public final class SourceTransformation<T> extends Transformation<T> {

    private final SourceOperator<T> operator;
    private final boolean bounded;
    private final int maxParallelism;

    public SourceTransformation(int id, String name, SourceOperator<T> operator, boolean bounded, int maxParallelism) {
        super(id, name, maxParallelism == 1 ? 1 : DEFAULT_PARALLELISM);
        this.operator = operator;
        this.bounded = bounded;
        this.maxParallelism = maxParallelism;
    }

    public SourceOperator<T> getOperator() {
        return operator;
    }

    public boolean isBounded() {
        return bounded;
    }

    @Override
    public void setParallelism(int parallelism) {
        if (maxParallelism > 0 && parallelism > maxParallelism) {
            throw new IllegalArgumentException("Source '" + getName() + "' cannot run in parallel; its parallelism must be "
                    + maxParallelism + ", not " + parallelism + ". Set the parallelism on the operators after it instead");
        }
        super.setParallelism(parallelism);
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }

    @Override
    public boolean isPhysical() {
        return true;
    }
}
