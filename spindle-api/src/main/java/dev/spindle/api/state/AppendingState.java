package dev.spindle.api.state;

/** State that values are added to: a list, or a running reduction or aggregation. */
public interface AppendingState<IN, OUT> extends State {

    /** The current contents for the current key; null (a list: empty) when nothing was added. */
    OUT get();

    /** Adds {@code value} to the state of the current key. */
    void add(IN value);
}
