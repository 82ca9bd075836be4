package dev.spindle.runtime.state;

import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.api.state.ReducingState;

/** A {@link ReducingState}: the reduction of every value added for the key. */
final class HeapReducingState<T> implements ReducingState<T> {

    static final String KIND = "REDUCING";

    private final KeyedValueCell<T> cell;
    private final ReduceFunction<T> reduceFunction;
    private final ClassLoader userClassLoader;

    HeapReducingState(KeyedValueCell<T> cell, ReduceFunction<T> reduceFunction, ClassLoader userClassLoader) {
        this.cell = cell;
        this.reduceFunction = reduceFunction;
        this.userClassLoader = userClassLoader;
    }

    @Override
    public T get() {
        return cell.read();
    }

    @Override
    public void add(T value) {
        if (value == null) {
            throw new NullPointerException("ReducingState.add(null): null values cannot be reduced");
        }
        T current = cell.read();
        try {
            cell.write(current == null ? value : reduceFunction.reduce(StateValueCopies.copyForUpdate(current, userClassLoader), value));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The reduce function of a reducing state failed: " + e, e);
        }
    }

    @Override
    public void clear() {
        cell.clear();
    }
}
