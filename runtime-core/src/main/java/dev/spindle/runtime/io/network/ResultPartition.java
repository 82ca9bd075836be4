package dev.spindle.runtime.io.network;

import dev.spindle.runtime.io.ResultPartitionWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The output of one producer subtask on one edge: a bounded subpartition per consumer subtask. */
public final class ResultPartition implements ResultPartitionWriter, dev.spindle.runtime.io.BufferOccupancy {

    private final PartitionKey key;
    private final Subpartition[] subpartitions;
    private final AtomicInteger unconsumed;
    private final AtomicLong buffersEmitted = new AtomicLong();
    private final ResultPartitionManager manager;

    ResultPartition(PartitionKey key, int numSubpartitions, int queueCapacity, ResultPartitionManager manager) {
        this.key = key;
        this.manager = manager;
        this.subpartitions = new Subpartition[numSubpartitions];
        this.unconsumed = new AtomicInteger(numSubpartitions);
        for (int i = 0; i < numSubpartitions; i++) {
            subpartitions[i] = new Subpartition(queueCapacity, this::onSubpartitionConsumed);
        }
    }

    public PartitionKey getKey() {
        return key;
    }

    @Override
    public int getNumberOfSubpartitions() {
        return subpartitions.length;
    }

    @Override
    public void emit(int subpartition, ByteBuffer buffer) throws IOException, InterruptedException {
        if (subpartition < 0 || subpartition >= subpartitions.length) {
            throw new IndexOutOfBoundsException("subpartition " + subpartition + " of " + key + " with " + subpartitions.length);
        }
        subpartitions[subpartition].add(buffer);
        buffersEmitted.incrementAndGet();
    }

    @Override
    public void finish() {
        for (Subpartition s : subpartitions) {
            s.finish();
        }
    }

    @Override
    public void release(Throwable cause) {
        for (Subpartition s : subpartitions) {
            s.fail(cause);
        }
        manager.unregister(key);
    }

    Subpartition subpartition(int index) {
        if (index < 0 || index >= subpartitions.length) {
            throw new IllegalArgumentException("no subpartition " + index + " in " + key + " (has " + subpartitions.length + ")");
        }
        return subpartitions[index];
    }

    public long getBuffersEmitted() {
        return buffersEmitted.get();
    }

    /** Buffers emitted into subpartition {@code index} that its consumer has not taken yet. */
    public int backlog(int index) {
        return subpartitions[index].backlog();
    }

    @Override
    public int usedBuffers() {
        int used = 0;
        for (Subpartition s : subpartitions) {
            used += s.backlog();
        }
        return used;
    }

    @Override
    public int bufferCapacity() {
        int capacity = 0;
        for (Subpartition s : subpartitions) {
            capacity += s.capacity();
        }
        return capacity;
    }

    private void onSubpartitionConsumed() {
        if (unconsumed.decrementAndGet() == 0) {
            manager.unregister(key);
        }
    }
}
