package dev.spindle.runtime.state;

import dev.spindle.api.functions.AggregateFunction;
import dev.spindle.api.state.AggregatingState;

/** An {@link AggregatingState}: per key the accumulator every added value was folded into. */
final class HeapAggregatingState<IN, ACC, OUT> implements AggregatingState<IN, OUT> {

    static final String KIND = "AGGREGATING";

    private final KeyedValueCell<ACC> cell;
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;
    private final ClassLoader userClassLoader;

    HeapAggregatingState(KeyedValueCell<ACC> cell, AggregateFunction<IN, ACC, OUT> aggregateFunction, ClassLoader userClassLoader) {
        this.cell = cell;
        this.aggregateFunction = aggregateFunction;
        this.userClassLoader = userClassLoader;
    }

    @Override
    public OUT get() {
        ACC accumulator = cell.read();
        return accumulator == null ? null : aggregateFunction.getResult(accumulator);
    }

    @Override
    public void add(IN value) {
        ACC accumulator = cell.read();
        accumulator = accumulator == null ? aggregateFunction.createAccumulator()
                : StateValueCopies.copyForUpdate(accumulator, userClassLoader);
        cell.write(aggregateFunction.add(value, accumulator));
    }

    /** Folds accumulator {@code other} (of another key or window being merged into this one) into the current key's. */
    void mergeAccumulator(ACC other) {
        ACC accumulator = cell.read();
        cell.write(accumulator == null ? other
                : aggregateFunction.merge(StateValueCopies.copyForUpdate(accumulator, userClassLoader), other));
    }

    /** The current key's accumulator, or null. */
    ACC accumulator() {
        return cell.read();
    }

    @Override
    public void clear() {
        cell.clear();
    }
}
