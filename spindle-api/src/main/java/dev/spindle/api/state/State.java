package dev.spindle.api.state;

/** Every kind of state: keyed state is scoped to the key of the record being processed. */
public interface State {

    /** Removes the state of the current key (or, for operator state, of this subtask). */
    void clear();
}
