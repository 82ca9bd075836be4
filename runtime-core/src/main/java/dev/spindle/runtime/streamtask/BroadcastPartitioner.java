package dev.spindle.runtime.streamtask;

/** BROADCAST: every record to every subpartition. */
public final class BroadcastPartitioner implements Partitioner {

    private static final long serialVersionUID = 1L;

    @Override
    public int selectSubpartition(Object record) {
        throw new UnsupportedOperationException("broadcast sends to every subpartition");
    }

    @Override
    public boolean isBroadcast() {
        return true;
    }
}
