package dev.spindle.api.state;

import dev.spindle.api.functions.AggregateFunction;
import dev.spindle.api.typeinfo.TypeInformation;
import java.util.Objects;

/**
 * Names an {@link AggregatingState}, the aggregate function values are folded in with and the type
 * of its accumulator (what the state keeps).
 */
public final class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {

    private static final long serialVersionUID = 1L;

    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    /** An aggregating state named {@code name} keeping accumulators of {@code accumulatorType}. */
    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, Class<ACC> accumulatorType) {
        this(name, aggregateFunction, typeOf(accumulatorType));
    }

    /** An aggregating state named {@code name} keeping accumulators of the given type. */
    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggregateFunction,
            TypeInformation<ACC> accumulatorType) {
        super(name, Objects.requireNonNull(accumulatorType, "accumulator type"));
        this.aggregateFunction = Objects.requireNonNull(aggregateFunction, "aggregate function");
    }

    /** The function each added value is folded in with. */
    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggregateFunction;
    }
}
