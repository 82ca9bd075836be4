package dev.spindle.api.accumulators;

import java.io.Serializable;

/**
 * A value that each subtask adds to locally and that the job master merges across subtasks; the
 * merged results come back in the job's execution result.
 */
public interface Accumulator<V, R extends Serializable> extends Serializable {

    void add(V value);

    R getLocalValue();

    void resetLocal();

    void merge(Accumulator<V, R> other);

    Accumulator<V, R> clone();
}
