package dev.spindle.api.state;

/** One value per key that every added value is reduced into with the descriptor's {@code ReduceFunction}. */
public interface ReducingState<T> extends MergingState<T, T> {
}
