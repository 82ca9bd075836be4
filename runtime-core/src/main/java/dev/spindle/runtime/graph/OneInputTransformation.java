package dev.spindle.runtime.graph;

import dev.spindle.runtime.operators.StreamOperator;
import java.util.List;

/** An operator (map, keyed reduce, sink, ...) applied to one input stream. */
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {

    private final Transformation<IN> input;
    private final StreamOperator<IN, OUT> operator;

    public OneInputTransformation(int id, String name, Transformation<IN> input, StreamOperator<IN, OUT> operator) {
        super(id, name, DEFAULT_PARALLELISM);
        this.input = input;
        this.operator = operator;
    }

    public StreamOperator<IN, OUT> getOperator() {
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
