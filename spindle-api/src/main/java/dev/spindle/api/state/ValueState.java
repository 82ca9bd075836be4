package dev.spindle.api.state;

/** One value per key, scoped to the key of the record being processed. */
public interface ValueState<T> {

    /** The value for the current key, or the descriptor's default when none was set. */
    T value();

    void update(T value);

    /** Removes the value of the current key. */
    void clear();
}
