package dev.spindle.api.functions;

/**
 * Aggregates records incrementally into an accumulator: {@link #createAccumulator}, {@link #add}
 * per record, {@link #merge} when session windows merge, {@link #getResult} when a window fires.
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {

    /** A fresh, empty accumulator. */
    ACC createAccumulator();

    /** Adds {@code value}; may change and return {@code accumulator} or return a new one. */
    ACC add(IN value, ACC accumulator);

    /** The result of the accumulated records. */
    OUT getResult(ACC accumulator);

    /** Combines two accumulators (merging windows). */
    ACC merge(ACC a, ACC b);
}
