package dev.spindle.runtime.streamtask;

import java.io.Serializable;

/** Chooses the consumer subtask (subpartition) of each record on one output edge. */
public interface Partitioner extends Serializable {

    /** Called once per subtask before the first record. */
    default void setup(int numberOfSubpartitions, int producerSubtaskIndex) {
    }

    /** The subpartition for {@code record}; ignored when {@link #isBroadcast()}. */
    int selectSubpartition(Object record) throws Exception;

    /** Whether every record goes to every subpartition. */
    default boolean isBroadcast() {
        return false;
    }
}
