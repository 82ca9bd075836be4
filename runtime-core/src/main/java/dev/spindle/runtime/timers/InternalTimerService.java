package dev.spindle.runtime.timers;

import dev.spindle.api.state.ListState;
import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.runtime.state.HeapKeyedState;
import dev.spindle.runtime.state.KeyedStateBackend;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Future;

/**
 * The event-time and processing-time timers of one keyed operator in one subtask. Each timer is an
 * entry of keyed state (so it is deduplicated per key, namespace and time, checkpointed per key
 * group and restored with its key); priority queues ordered by time find the due ones. Deleted
 * timers stay in the queues until they come up and are then skipped. The operator's current
 * watermark is checkpointed as operator state, so late records stay late after a restore.
 */
public final class InternalTimerService {

    static final String KIND = "TIMER";

    private final KeyedStateBackend backend;
    private final ProcessingTimeService processingTime;
    private final Triggerable target;
    private final HeapKeyedState<Boolean> eventTimers;
    private final HeapKeyedState<Boolean> processingTimers;
    private final PriorityQueue<TimerKey> eventQueue = new PriorityQueue<>((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
    private final PriorityQueue<TimerKey> processingQueue = new PriorityQueue<>((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
    private final ListState<Long> watermarkState;
    private long currentWatermark = Long.MIN_VALUE;
    private long nextWakeUp = Long.MAX_VALUE;
    private Future<?> wakeUp;

    /**
     * Timers of the operator owning {@code backend}, restored from it; {@code processingTime} is null in
     * contexts without a clock (processing-time timers then fail with a message).
     */
    public InternalTimerService(KeyedStateBackend backend, dev.spindle.api.state.OperatorStateStore operatorState,
                                ProcessingTimeService processingTime, Triggerable target) {
        this.backend = backend;
        this.processingTime = processingTime;
        this.target = target;
        this.eventTimers = backend.getOrCreate("_timers-event-time", KIND);
        this.processingTimers = backend.getOrCreate("_timers-processing-time", KIND);
        eventTimers.forEach((k, v) -> eventQueue.add((TimerKey) k));
        processingTimers.forEach((k, v) -> processingQueue.add((TimerKey) k));
        this.watermarkState = operatorState.getListState(new ListStateDescriptor<>("_current-watermark", Long.class));
        long restored = Long.MAX_VALUE;
        boolean any = false;
        for (Long w : watermarkState.get()) {
            // after a rescale several subtasks' watermarks may arrive: the smallest holds for all of them
            restored = Math.min(restored, w);
            any = true;
        }
        if (any) {
            currentWatermark = restored;
        }
        scheduleWakeUp();
    }

    public long currentWatermark() {
        return currentWatermark;
    }

    public long currentProcessingTime() {
        return clock().getCurrentProcessingTime();
    }

    public void registerEventTimeTimer(Object key, Object namespace, long time) {
        if (add(eventTimers, new TimerKey(time, key, namespace))) {
            eventQueue.add(new TimerKey(time, key, namespace));
        }
    }

    public void deleteEventTimeTimer(Object key, Object namespace, long time) {
        remove(eventTimers, new TimerKey(time, key, namespace));
    }

    public void registerProcessingTimeTimer(Object key, Object namespace, long time) {
        clock();
        TimerKey timer = new TimerKey(time, key, namespace);
        if (add(processingTimers, timer)) {
            processingQueue.add(timer);
            if (time < nextWakeUp) {
                scheduleWakeUp();
            }
        }
    }

    public void deleteProcessingTimeTimer(Object key, Object namespace, long time) {
        remove(processingTimers, new TimerKey(time, key, namespace));
    }

    /** Fires every event-time timer at or below {@code watermark}, in time order. */
    public void advanceWatermark(long watermark) throws Exception {
        if (watermark <= currentWatermark) {
            return;
        }
        currentWatermark = watermark;
        fire(eventQueue, eventTimers, watermark, true);
    }

    /**
     * Fires every processing-time timer set so far, in time order, as if its time had come (the input
     * ended); timers set meanwhile beyond the last of them stay. Returns how many were due.
     */
    public int fireAllProcessingTimers() throws Exception {
        long last = Long.MIN_VALUE;
        int pending = 0;
        for (TimerKey t : processingQueue) {
            last = Math.max(last, t.timestamp());
            pending++;
        }
        if (pending > 0) {
            fire(processingQueue, processingTimers, last, false);
        }
        return pending;
    }

    /** Stores the current watermark in the operator state; call before the operator's state is snapshotted. */
    public void snapshotWatermark() {
        watermarkState.update(List.of(currentWatermark));
    }

    /** Stops the processing-time wake-up (the operator closes). */
    public void close() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
    }

    private void onWakeUp(long time) throws Exception {
        nextWakeUp = Long.MAX_VALUE;
        wakeUp = null;
        fire(processingQueue, processingTimers, clock().getCurrentProcessingTime(), false);
        scheduleWakeUp();
    }

    private void fire(PriorityQueue<TimerKey> queue, HeapKeyedState<Boolean> timers, long upTo, boolean eventTime) throws Exception {
        Object previousKey = backend.getCurrentKey();
        try {
            TimerKey timer;
            while ((timer = queue.peek()) != null && timer.timestamp() <= upTo) {
                queue.poll();
                backend.setCurrentKey(timer);
                if (timers.get() == null) {
                    continue; // deleted, or a duplicate queue entry of a timer set again after deletion
                }
                timers.remove();
                backend.setCurrentKey(timer.key());
                if (eventTime) {
                    target.onEventTime(timer);
                } else {
                    target.onProcessingTime(timer);
                }
            }
        } finally {
            backend.setCurrentKey(previousKey);
        }
    }

    private boolean add(HeapKeyedState<Boolean> timers, TimerKey timer) {
        Object previousKey = backend.getCurrentKey();
        try {
            backend.setCurrentKey(timer);
            if (timers.get() != null) {
                return false;
            }
            timers.put(Boolean.TRUE);
            return true;
        } finally {
            backend.setCurrentKey(previousKey);
        }
    }

    private void remove(HeapKeyedState<Boolean> timers, TimerKey timer) {
        Object previousKey = backend.getCurrentKey();
        try {
            backend.setCurrentKey(timer);
            timers.remove();
        } finally {
            backend.setCurrentKey(previousKey);
        }
    }

    private void scheduleWakeUp() {
        TimerKey head = processingQueue.peek();
        if (head == null || processingTime == null) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        nextWakeUp = head.timestamp();
        wakeUp = processingTime.registerTimer(head.timestamp(), this::onWakeUp);
    }

    private ProcessingTimeService clock() {
        if (processingTime == null) {
            throw new UnsupportedOperationException("processing-time timers are not available in this context");
        }
        return processingTime;
    }
}
