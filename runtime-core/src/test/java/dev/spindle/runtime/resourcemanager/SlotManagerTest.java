package dev.spindle.runtime.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spindle.api.JobID;
import dev.spindle.runtime.rpc.proto.SlotStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotManagerTest {

    private final List<String> allocations = new ArrayList<>();
    private int workersStarted;
    private final SlotManager slotManager = new SlotManager(2, new SlotManager.Actions() {
        @Override
        public void allocateSlot(RegisteredTaskExecutor te, int slot, JobID jobId, String allocationId) {
            allocations.add(te.resourceId + "/" + slot);
        }

        @Override
        public void startWorkers(int count) {
            workersStarted += count;
        }
    });

    private static RegisteredTaskExecutor te(String id, int slots) {
        return new RegisteredTaskExecutor(new ResourceID(id), "host", 1, slots, null);
    }

    @Test
    void requestsAreServedFromFreeSlotsBeforeWorkersAreStarted() {
        slotManager.addTaskExecutor(te("a", 2));
        slotManager.requestSlots(new JobID(), 2);
        assertEquals(List.of("a/0", "a/1"), allocations);
        assertEquals(0, workersStarted);
    }

    @Test
    void missingSlotsStartCeilOfMissingOverSlotsPerWorkerAndNoDuplicates() {
        JobID job = new JobID();
        slotManager.requestSlots(job, 3);
        assertEquals(2, workersStarted, "ceil(3 / 2)");
        slotManager.requestSlots(new JobID(), 1);
        assertEquals(2, workersStarted, "the 4th slot comes with the workers already on their way");
        slotManager.requestSlots(new JobID(), 1);
        assertEquals(3, workersStarted);

        slotManager.workerArrivedOrGone();
        slotManager.addTaskExecutor(te("w1", 2));
        assertEquals(2, allocations.size());
        assertEquals(3, slotManager.pendingSlotCount());
        assertEquals(3, workersStarted);
    }

    @Test
    void aWorkerThatFailedToStartIsAskedForAgain() {
        slotManager.requestSlots(new JobID(), 2);
        assertEquals(1, workersStarted);
        slotManager.workerStartFailed();
        assertEquals(2, workersStarted);
    }

    @Test
    void releasingAJobFreesItsSlotsForOthers() {
        RegisteredTaskExecutor a = te("a", 2);
        slotManager.addTaskExecutor(a);
        JobID first = new JobID();
        slotManager.requestSlots(first, 2);
        JobID second = new JobID();
        slotManager.requestSlots(second, 1);
        assertEquals(1, workersStarted);
        slotManager.releaseJob(first);
        assertEquals(3, allocations.size());
        assertEquals(second, a.slotJobs[0]);
    }

    @Test
    void slotReportsFreeStaleAllocationsOnly() {
        RegisteredTaskExecutor a = te("a", 2);
        slotManager.addTaskExecutor(a);
        slotManager.requestSlots(new JobID(), 1);
        List<SlotStatus> allFree = List.of(SlotStatus.newBuilder().setSlotIndex(0).build(), SlotStatus.newBuilder().setSlotIndex(1).build());
        slotManager.syncSlotReport(a, allFree, 60_000);
        assertEquals(1, a.freeSlots(), "a fresh allocation survives a report sent before it arrived");
        slotManager.syncSlotReport(a, allFree, -1);
        assertEquals(2, a.freeSlots());
    }

    @Test
    void aRequestIsGrantedWholeOrNotAtAllAndASmallerOneThatFitsGoesFirst() {
        slotManager.addTaskExecutor(te("a", 2));
        JobID big = new JobID();
        JobID small = new JobID();
        slotManager.requestSlots(big, 3);
        assertEquals(List.of(), allocations, "2 free slots do not cover 3: none is handed out");
        slotManager.requestSlots(small, 2);
        assertEquals(List.of("a/0", "a/1"), allocations);
        assertEquals(3, slotManager.pendingSlotCount());
    }

    @Test
    void noWorkerIsStartedBeyondTheMaximumNumberOfSlots() {
        List<Integer> started = new ArrayList<>();
        SlotManager capped = new SlotManager(2, 5, new SlotManager.Actions() {
            @Override
            public void allocateSlot(RegisteredTaskExecutor te, int slot, JobID jobId, String allocationId) {
            }

            @Override
            public void startWorkers(int count) {
                started.add(count);
            }
        });
        capped.addTaskExecutor(te("a", 2));
        capped.requestSlots(new JobID(), 8);
        assertEquals(List.of(1), started, "2 registered + 1 worker of 2 = 4 <= 5; a second worker would make 6");
    }

    @Test
    void slotsPerWorkerMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SlotManager(0, null));
    }

    @Test
    void workersStartedAheadCountAsOnTheirWayForTheFirstRequest() {
        slotManager.startWorkersAhead(2);
        assertEquals(2, workersStarted);
        slotManager.requestSlots(new JobID(), 4);
        assertEquals(2, workersStarted, "the 4 slots come with the workers started ahead");
        slotManager.requestSlots(new JobID(), 1);
        assertEquals(3, workersStarted);
    }
}
