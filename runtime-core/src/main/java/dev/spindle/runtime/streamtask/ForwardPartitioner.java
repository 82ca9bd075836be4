package dev.spindle.runtime.streamtask;

/** FORWARD: the single subpartition of a one-to-one edge. */
public final class ForwardPartitioner implements Partitioner {

    private static final long serialVersionUID = 1L;

    @Override
    public int selectSubpartition(Object record) {
        return 0;
    }
}
