package dev.spindle.runtime.timers;

/** Runs when a processing-time timer fires, in the thread that owns the task's operators. */
@FunctionalInterface
public interface ProcessingTimeCallback {

    void onProcessingTime(long time) throws Exception;
}
