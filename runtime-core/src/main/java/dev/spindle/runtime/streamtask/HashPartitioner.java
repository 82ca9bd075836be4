package dev.spindle.runtime.streamtask;

import dev.spindle.api.functions.KeySelector;

/** HASH: the subpartition chosen by the record's key, the same in every JVM. */
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
        n = numberOfSubpartitions;
    }

    @Override
    @SuppressWarnings("unchecked")
    public int selectSubpartition(Object record) throws Exception {
        return KeyHashing.subpartition(keySelector.getKey((T) record), n);
    }
}
