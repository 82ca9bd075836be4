package dev.spindle.api.functions;

/** Turns each record into zero or more records, handed to the collector. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {

    void flatMap(T value, Collector<O> out) throws Exception;
}
