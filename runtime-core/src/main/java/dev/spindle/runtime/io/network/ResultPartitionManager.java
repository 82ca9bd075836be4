package dev.spindle.runtime.io.network;

import dev.spindle.api.JobID;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The result partitions produced in one TaskExecutor, found by consumers local and remote. */
public final class ResultPartitionManager {

    private final Map<PartitionKey, ResultPartition> partitions = new HashMap<>();

    public synchronized ResultPartition create(PartitionKey key, int numSubpartitions, int queueCapacity) {
        ResultPartition p = new ResultPartition(key, numSubpartitions, queueCapacity, this);
        if (partitions.putIfAbsent(key, p) != null) {
            throw new IllegalStateException(key + " is already registered");
        }
        notifyAll();
        return p;
    }

    public synchronized ResultPartition lookup(PartitionKey key) {
        return partitions.get(key);
    }

    /** Waits up to {@code timeoutMillis} for the producer to register the partition; null if it did not. */
    public synchronized ResultPartition await(PartitionKey key, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        ResultPartition p;
        while ((p = partitions.get(key)) == null) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return p;
    }

    synchronized void unregister(PartitionKey key) {
        partitions.remove(key);
    }

    /** Fails and forgets every partition of a job (its slots were freed). */
    public void releaseJob(JobID jobId, Throwable cause) {
        List<ResultPartition> toRelease = new ArrayList<>();
        synchronized (this) {
            for (ResultPartition p : partitions.values()) {
                if (p.getKey().jobId().equals(jobId)) {
                    toRelease.add(p);
                }
            }
        }
        for (ResultPartition p : toRelease) {
            p.release(cause);
        }
    }

    public synchronized int size() {
        return partitions.size();
    }
}
