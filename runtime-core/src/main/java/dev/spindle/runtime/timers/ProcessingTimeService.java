package dev.spindle.runtime.timers;

import java.util.concurrent.Future;

/** The clock of a task and its wake-ups: callbacks run in the task's thread (or under its source's lock), never concurrently with records. */
public interface ProcessingTimeService {

    /** The current time in milliseconds. */
    long getCurrentProcessingTime();

    /** Calls {@code callback} once the clock reached {@code time}; the future cancels it. */
    Future<?> registerTimer(long time, ProcessingTimeCallback callback);
}
