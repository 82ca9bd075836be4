package dev.spindle.api.state;

/** One value per key, scoped to the key of the record being processed. */
public interface ValueState<T> extends State {

    /** The value for the current key, or the descriptor's default when none was set. */
    T value();

    /** Sets the value of the current key; null removes it. */
    void update(T value);
}
