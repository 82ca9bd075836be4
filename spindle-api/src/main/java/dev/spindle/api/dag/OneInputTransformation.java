package dev.spindle.api.dag;

import java.util.List;

/** An operator (map, keyed reduce, ...) applied to one input stream. */
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {

    private final Transformation<IN> input;
    private final OperatorDescription<IN, OUT> operator;
    private boolean nonParallel;

    /** The operator {@code operator} reading {@code input}. */
    public OneInputTransformation(int id, String name, Transformation<IN> input, OperatorDescription<IN, OUT> operator) {
        super(id, name, DEFAULT_PARALLELISM);
        this.input = input;
        this.operator = operator;
    }

    /** Fixes the parallelism at 1 (e.g. windowAll, which sees every record); a later setParallelism above 1 is refused. */
    public void setNonParallel() {
        super.setParallelism(1);
        nonParallel = true;
    }

    @Override
    public void setParallelism(int parallelism) {
        if (nonParallel && parallelism != 1) {
            throw new IllegalArgumentException("'" + getName() + "' sees every record of its input and runs with parallelism 1; "
                    + "it cannot be set to " + parallelism);
        }
        super.setParallelism(parallelism);
    }

    /** What the operator does. */
    public OperatorDescription<IN, OUT> getOperator() {
        return operator;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }

    @Override
    public boolean isPhysical() {
        return true;
    }
}
