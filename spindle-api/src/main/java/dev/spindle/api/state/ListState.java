package dev.spindle.api.state;

import java.util.List;

/** A list of values: in operator state, the part of an operator's state that one parallel subtask holds. */
public interface ListState<T> {

    /** The current elements (a view; empty, never null, when there are none). */
    Iterable<T> get();

    void add(T value);

    void addAll(List<T> values);

    /** Replaces all elements. */
    void update(List<T> values);

    void clear();
}
