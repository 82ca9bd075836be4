package dev.spindle.runtime.taskexecutor;

import dev.spindle.api.JobID;
import dev.spindle.runtime.rpc.proto.SlotStatus;
import java.util.ArrayList;
import java.util.List;

/** The slots of one TaskExecutor and the job each is allocated to. */
final class TaskSlotTable {

    /** {@code draining}: the job let the slot go, but a task of it has not ended there yet; nobody else may have it. */
    private record Allocation(JobID jobId, String allocationId, boolean draining) {
    }

    private final Allocation[] slots;

    TaskSlotTable(int numSlots) {
        this.slots = new Allocation[numSlots];
    }

    int size() {
        return slots.length;
    }

    /** Allocates a free slot; false if it is out of range or taken by another allocation. */
    synchronized boolean allocate(int index, JobID jobId, String allocationId) {
        if (index < 0 || index >= slots.length) {
            return false;
        }
        if (slots[index] != null) {
            return !slots[index].draining() && slots[index].allocationId().equals(allocationId);
        }
        slots[index] = new Allocation(jobId, allocationId, false);
        return true;
    }

    synchronized boolean isAllocated(JobID jobId, String allocationId) {
        for (Allocation a : slots) {
            if (a != null && !a.draining() && a.jobId().equals(jobId) && a.allocationId().equals(allocationId)) {
                return true;
            }
        }
        return false;
    }

    synchronized void free(String allocationId) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null && slots[i].allocationId().equals(allocationId)) {
                slots[i] = null;
            }
        }
    }

    /**
     * Frees the job's slots, except those whose allocation is in {@code stillRunning} (a task there
     * has not ended yet): they drain until {@link #free} is called for them. Returns how many the job had.
     */
    synchronized int freeJob(JobID jobId, java.util.Set<String> stillRunning) {
        int n = 0;
        for (int i = 0; i < slots.length; i++) {
            Allocation a = slots[i];
            if (a != null && a.jobId().equals(jobId)) {
                slots[i] = stillRunning.contains(a.allocationId()) ? new Allocation(jobId, a.allocationId(), true) : null;
                n += a.draining() ? 0 : 1;
            }
        }
        return n;
    }

    synchronized boolean hasJob(JobID jobId) {
        for (Allocation a : slots) {
            if (a != null && !a.draining() && a.jobId().equals(jobId)) {
                return true;
            }
        }
        return false;
    }

    synchronized List<JobID> jobs() {
        List<JobID> jobs = new ArrayList<>();
        for (Allocation a : slots) {
            if (a != null && !jobs.contains(a.jobId())) {
                jobs.add(a.jobId());
            }
        }
        return jobs;
    }

    synchronized List<SlotStatus> report() {
        List<SlotStatus> report = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            SlotStatus.Builder b = SlotStatus.newBuilder().setSlotIndex(i);
            if (slots[i] != null) {
                b.setJobId(slots[i].jobId().toHexString()).setAllocationId(slots[i].allocationId());
            }
            report.add(b.build());
        }
        return report;
    }
}
