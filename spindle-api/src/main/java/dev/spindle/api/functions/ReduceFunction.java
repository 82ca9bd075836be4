package dev.spindle.api.functions;

/** Combines two records of the same key into one. */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {

    T reduce(T accumulated, T value) throws Exception;
}
