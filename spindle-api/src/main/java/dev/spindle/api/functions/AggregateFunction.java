package dev.spindle.api.functions;

/**
 * Aggregates records incrementally through an accumulator: {@link #add} folds one record in,
 * {@link #getResult} turns the accumulator into the result, {@link #merge} combines two accumulators
 * (e.g. when session windows merge). Used by aggregating state and window aggregations.
 *
 * @param <IN> the records aggregated
 * @param <ACC> the accumulator (intermediate aggregate)
 * @param <OUT> the result
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {

    /** A new, empty accumulator. */
    ACC createAccumulator();

    /** Folds {@code value} into {@code accumulator}; returns the new accumulator (which may be the same object). */
    ACC add(IN value, ACC accumulator);

    /** The result for an accumulator. */
    OUT getResult(ACC accumulator);

    /** Combines two accumulators into one; returns the merged accumulator (which may be either argument). */
    ACC merge(ACC a, ACC b);
}
