package dev.spindle.runtime.resourcemanager;

import dev.spindle.api.JobID;

/** The resource manager's view of one registered TaskExecutor and its slots. */
final class RegisteredTaskExecutor {

    final ResourceID resourceId;
    final String host;
    final int port;
    final WorkerNode worker;
    final JobID[] slotJobs;
    final String[] allocationIds;
    final long[] allocatedAt;
    long lastHeartbeat;
    dev.spindle.runtime.rpc.proto.ProcessMetrics process = dev.spindle.runtime.rpc.proto.ProcessMetrics.getDefaultInstance();
    long idleSince;

    RegisteredTaskExecutor(ResourceID resourceId, String host, int port, int numSlots, WorkerNode worker) {
        this.resourceId = resourceId;
        this.host = host;
        this.port = port;
        this.worker = worker;
        this.slotJobs = new JobID[numSlots];
        this.allocationIds = new String[numSlots];
        this.allocatedAt = new long[numSlots];
        this.lastHeartbeat = System.currentTimeMillis();
        this.idleSince = lastHeartbeat;
    }

    int freeSlots() {
        int n = 0;
        for (JobID j : slotJobs) {
            if (j == null) {
                n++;
            }
        }
        return n;
    }

    boolean isIdle() {
        return freeSlots() == slotJobs.length;
    }

    boolean hasJob(JobID jobId) {
        for (JobID j : slotJobs) {
            if (jobId.equals(j)) {
                return true;
            }
        }
        return false;
    }

    void free(int slot) {
        slotJobs[slot] = null;
        allocationIds[slot] = null;
        if (isIdle()) {
            idleSince = System.currentTimeMillis();
        }
    }

    TaskExecutorInfo info() {
        return new TaskExecutorInfo(resourceId.id(), host, port, slotJobs.length, freeSlots(), lastHeartbeat, process,
                worker == null ? null : worker.logUrl());
    }
}
