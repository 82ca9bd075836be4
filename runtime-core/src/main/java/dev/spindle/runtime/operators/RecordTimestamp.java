package dev.spindle.runtime.operators;

import dev.spindle.api.functions.TimeDomain;

/**
 * The event timestamp of the record moving through a task's chain right now. The input sets it from
 * the wire, an operator that assigns timestamps (or emits window results, fires timers) replaces it
 * before emitting, and the network output writes it with the record. One per task: operators that
 * only transform records (map, filter) keep their input's timestamp without doing anything.
 */
public final class RecordTimestamp {

    /** The value of a record without a timestamp. */
    public static final long NONE = Long.MIN_VALUE;

    private long value = NONE;

    public long get() {
        return value;
    }

    public boolean has() {
        return value != NONE;
    }

    public void set(long timestamp) {
        this.value = timestamp;
    }

    public void clear() {
        this.value = NONE;
    }

    /** The timestamp as user functions see it: null when the record has none. */
    public Long orNull() {
        return has() ? value : null;
    }

    /**
     * Sets what a firing timer emits: its time for an event-time timer, no timestamp for a
     * processing-time one, as in Flink. Returns the value to {@link #set} back after the timer.
     */
    public long enterTimer(long timerTimestamp, TimeDomain domain) {
        long before = value;
        value = domain == TimeDomain.EVENT_TIME ? timerTimestamp : NONE;
        return before;
    }
}
