package dev.spindle.api.state;

import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.api.typeinfo.TypeInformation;
import java.util.Objects;

/** Names a {@link ReducingState}, the function values are reduced with and their type. */
public final class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {

    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reduceFunction;

    /** A reducing state named {@code name} that combines values of {@code type} with {@code reduceFunction}. */
    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
        this(name, reduceFunction, typeOf(type));
    }

    /** A reducing state named {@code name} that combines values of the given type with {@code reduceFunction}. */
    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInformation<T> typeInfo) {
        super(name, Objects.requireNonNull(typeInfo, "type"));
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduce function");
    }

    /** The function each added value is combined with. */
    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }
}
