package dev.spindle.runtime.streamtask;

/** REBALANCE: round robin, each producer starting at its own offset so that consumers are loaded evenly from the start. */
public final class RebalancePartitioner implements Partitioner {

    private static final long serialVersionUID = 1L;

    private transient int next;
    private transient int n;

    @Override
    public void setup(int numberOfSubpartitions, int producerSubtaskIndex) {
        n = numberOfSubpartitions;
        next = producerSubtaskIndex % n;
    }

    @Override
    public int selectSubpartition(Object record) {
        int s = next;
        next = s + 1 == n ? 0 : s + 1;
        return s;
    }
}
