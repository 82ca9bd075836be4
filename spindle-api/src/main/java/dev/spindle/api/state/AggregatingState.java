package dev.spindle.api.state;

/**
 * One accumulator per key that every added value is folded into with the descriptor's
 * {@code AggregateFunction}; {@link #get()} returns the function's result for the accumulator.
 */
public interface AggregatingState<IN, OUT> extends MergingState<IN, OUT> {
}
