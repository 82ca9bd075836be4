package dev.spindle.runtime.resourcemanager;

import dev.spindle.api.JobID;
import dev.spindle.runtime.rpc.proto.SlotStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Registered TaskExecutors and their slots, and the slots job masters are still waiting for.
 * Pending requests are served from free slots; what free slots cannot cover is asked of the
 * driver as whole workers, counting workers already on their way so a second request does not
 * start duplicates. Not thread-safe: used from the resource manager's main thread only.
 */
final class SlotManager {

    /** What the slot manager decides; the resource manager carries it out. */
    interface Actions {
        void allocateSlot(RegisteredTaskExecutor taskExecutor, int slot, JobID jobId, String allocationId);

        void startWorkers(int count);
    }

    private final int slotsPerWorker;
    /** The cluster never grows beyond this many slots (slotmanager.number-of-slots.max). */
    private final int maxSlots;
    private final Actions actions;
    private final Map<ResourceID, RegisteredTaskExecutor> taskExecutors = new LinkedHashMap<>();
    private final Map<JobID, Integer> pendingSlots = new LinkedHashMap<>();
    private int workersInFlight;

    SlotManager(int slotsPerWorker, Actions actions) {
        this(slotsPerWorker, Integer.MAX_VALUE, actions);
    }

    SlotManager(int slotsPerWorker, int maxSlots, Actions actions) {
        if (slotsPerWorker < 1) {
            throw new IllegalArgumentException("taskmanager.numberOfTaskSlots must be at least 1, was " + slotsPerWorker);
        }
        this.slotsPerWorker = slotsPerWorker;
        this.maxSlots = maxSlots;
        this.actions = actions;
    }

    void addTaskExecutor(RegisteredTaskExecutor te) {
        taskExecutors.put(te.resourceId, te);
        check();
    }

    RegisteredTaskExecutor get(ResourceID id) {
        return taskExecutors.get(id);
    }

    RegisteredTaskExecutor removeTaskExecutor(ResourceID id) {
        RegisteredTaskExecutor te = taskExecutors.remove(id);
        check();
        return te;
    }

    Collection<RegisteredTaskExecutor> taskExecutors() {
        return List.copyOf(taskExecutors.values());
    }

    void requestSlots(JobID jobId, int count) {
        if (count > 0) {
            pendingSlots.merge(jobId, count, Integer::sum);
            check();
        }
    }

    /** The job ended: forget its pending requests and mark its slots free (the job master frees them at the TaskExecutors). */
    void releaseJob(JobID jobId) {
        pendingSlots.remove(jobId);
        for (RegisteredTaskExecutor te : taskExecutors.values()) {
            for (int i = 0; i < te.slotJobs.length; i++) {
                if (jobId.equals(te.slotJobs[i])) {
                    te.free(i);
                }
            }
        }
        check();
    }

    /** A TaskExecutor refused or could not be asked for a slot: the job still needs one. */
    void slotAllocationFailed(JobID jobId) {
        pendingSlots.merge(jobId, 1, Integer::sum);
        check();
    }

    /**
     * Starts {@code count} workers before any job asks for their slots (their job is known to
     * come); they count as on their way, so the job's request does not start them twice, and any
     * the job does not use are released once idle.
     */
    void startWorkersAhead(int count) {
        if (count > 0) {
            workersInFlight += count;
            actions.startWorkers(count);
        }
    }

    void workerStartFailed() {
        workersInFlight = Math.max(0, workersInFlight - 1);
        check();
    }

    /** A worker we asked for registered (or was given up on before registering). */
    void workerArrivedOrGone() {
        workersInFlight = Math.max(0, workersInFlight - 1);
    }

    /** Workers that run already and will register (kept from an earlier attempt): counted as on their way. */
    void workersComing(int count) {
        workersInFlight += count;
    }

    int workersInFlight() {
        return workersInFlight;
    }

    int pendingSlotCount() {
        return pendingSlots.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Brings this view in line with a TaskExecutor's own slot report. A slot the TaskExecutor calls
     * free is freed here only if our allocation is older than {@code graceMillis}, since the
     * TaskExecutor may not have received a fresh allocation yet.
     */
    void syncSlotReport(RegisteredTaskExecutor te, List<SlotStatus> report, long graceMillis) {
        long now = System.currentTimeMillis();
        boolean changed = false;
        for (SlotStatus s : report) {
            int i = s.getSlotIndex();
            if (i < 0 || i >= te.slotJobs.length) {
                continue;
            }
            if (s.getJobId().isEmpty()) {
                if (te.slotJobs[i] != null && now - te.allocatedAt[i] > graceMillis) {
                    te.free(i);
                    changed = true;
                }
            } else if (!s.getAllocationId().equals(te.allocationIds[i])) {
                te.slotJobs[i] = JobID.fromHexString(s.getJobId());
                te.allocationIds[i] = s.getAllocationId();
                te.allocatedAt[i] = now;
            }
        }
        if (changed) {
            check();
        }
    }

    /**
     * Serves pending requests from free slots, all of a request or none of it, then asks for the
     * workers still missing. All-or-nothing keeps two jobs from each holding part of what they
     * need and waiting on the other forever; a request the free slots cannot cover yet lets a
     * later one that fits go first.
     */
    void check() {
        int free = freeSlotCount();
        Iterator<Map.Entry<JobID, Integer>> it = pendingSlots.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<JobID, Integer> e = it.next();
            int wanted = e.getValue();
            if (wanted > free) {
                continue;
            }
            for (RegisteredTaskExecutor te : taskExecutors.values()) {
                for (int i = 0; i < te.slotJobs.length && wanted > 0; i++) {
                    if (te.slotJobs[i] == null) {
                        String allocationId = UUID.randomUUID().toString();
                        te.slotJobs[i] = e.getKey();
                        te.allocationIds[i] = allocationId;
                        te.allocatedAt[i] = System.currentTimeMillis();
                        wanted--;
                        free--;
                        actions.allocateSlot(te, i, e.getKey(), allocationId);
                    }
                }
            }
            it.remove();
        }
        long coming = (long) workersInFlight * slotsPerWorker;
        long missing = pendingSlotCount() - free - coming;
        long room = (long) maxSlots - registeredSlotCount() - coming;
        missing = Math.min(missing, room);
        if (missing > 0) {
            int workers = (int) ((missing + slotsPerWorker - 1) / slotsPerWorker);
            if (registeredSlotCount() + coming + (long) workers * slotsPerWorker > maxSlots) {
                // a whole worker brings slotsPerWorker slots: only as many as fit under the maximum
                workers = (int) (room / slotsPerWorker);
            }
            if (workers > 0) {
                workersInFlight += workers;
                actions.startWorkers(workers);
            }
        }
    }

    private int freeSlotCount() {
        int free = 0;
        for (RegisteredTaskExecutor te : taskExecutors.values()) {
            free += te.freeSlots();
        }
        return free;
    }

    private long registeredSlotCount() {
        long slots = 0;
        for (RegisteredTaskExecutor te : taskExecutors.values()) {
            slots += te.slotJobs.length;
        }
        return slots;
    }

    List<JobID> jobsOn(RegisteredTaskExecutor te) {
        List<JobID> jobs = new ArrayList<>();
        for (JobID j : te.slotJobs) {
            if (j != null && !jobs.contains(j)) {
                jobs.add(j);
            }
        }
        return jobs;
    }
}
