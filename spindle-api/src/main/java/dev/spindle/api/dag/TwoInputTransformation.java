package dev.spindle.api.dag;

import java.util.List;

/** An operator reading two input streams (connect): records keep the input they came from. */
public final class TwoInputTransformation<IN1, IN2, OUT> extends Transformation<OUT> {

    private final Transformation<IN1> input1;
    private final Transformation<IN2> input2;
    private final TwoInputOperatorDescription<IN1, IN2, OUT> operator;

    /** The operator {@code operator} reading {@code input1} as its first and {@code input2} as its second input. */
    public TwoInputTransformation(int id, String name, Transformation<IN1> input1, Transformation<IN2> input2,
                                  TwoInputOperatorDescription<IN1, IN2, OUT> operator) {
        super(id, name, DEFAULT_PARALLELISM);
        this.input1 = input1;
        this.input2 = input2;
        this.operator = operator;
    }

    /** What the operator does. */
    public TwoInputOperatorDescription<IN1, IN2, OUT> getOperator() {
        return operator;
    }

    /** The first input. */
    public Transformation<IN1> getInput1() {
        return input1;
    }

    /** The second input. */
    public Transformation<IN2> getInput2() {
        return input2;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input1, input2);
    }

    @Override
    public boolean isPhysical() {
        return true;
    }
}
