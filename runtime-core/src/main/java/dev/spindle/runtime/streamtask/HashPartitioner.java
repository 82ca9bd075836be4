package dev.spindle.runtime.streamtask;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.runtime.state.KeyGroups;

/**
 * HASH: the subpartition chosen by the record's key, the same in every JVM: the subtask owning the
 * key's key group, so that keyed state can be redistributed by key-group ranges on a rescale.
 */
public final class HashPartitioner<T, K> implements Partitioner {

    private static final long serialVersionUID = 1L;

    private final KeySelector<T, K> keySelector;
    private transient int n;

    public HashPartitioner(KeySelector<T, K> keySelector) {
        this.keySelector = keySelector;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    @Override
    public void setup(int numberOfSubpartitions, int producerSubtaskIndex) {
        if (numberOfSubpartitions > KeyGroups.DEFAULT_MAX_PARALLELISM) {
            throw new IllegalArgumentException("A keyed stream can be consumed by at most " + KeyGroups.DEFAULT_MAX_PARALLELISM
                    + " parallel subtasks (its number of key groups), not " + numberOfSubpartitions);
        }
        n = numberOfSubpartitions;
    }

    @Override
    @SuppressWarnings("unchecked")
    public int selectSubpartition(Object record) throws Exception {
        return KeyGroups.subtaskOf(keySelector.getKey((T) record), KeyGroups.DEFAULT_MAX_PARALLELISM, n);
    }
}
