package dev.spindle.api.dag;

import java.util.List;

/** An operator (map, keyed reduce, ...) applied to one input stream. */
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {

    private final Transformation<IN> input;
    private final OperatorDescription<IN, OUT> operator;

    /** The operator {@code operator} reading {@code input}. */
    public OneInputTransformation(int id, String name, Transformation<IN> input, OperatorDescription<IN, OUT> operator) {
        super(id, name, DEFAULT_PARALLELISM);
        this.input = input;
        this.operator = operator;
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
