package dev.spindle.api.state;

import java.util.List;

/**
 * A list of values: in keyed state, per key; in operator state, the part of an operator's state that
 * one parallel subtask holds.
 */
public interface ListState<T> extends MergingState<T, Iterable<T>> {

    /** The current elements (a view; empty, never null, when there are none). */
    @Override
    Iterable<T> get();

    /** Appends one element. */
    @Override
    void add(T value);

    /** Appends the elements in order. */
    void addAll(List<T> values);

    /** Replaces all elements. */
    void update(List<T> values);
}
