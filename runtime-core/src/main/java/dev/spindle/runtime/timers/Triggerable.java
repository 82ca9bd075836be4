package dev.spindle.runtime.timers;

/** What an operator does when one of its timers fires; the keyed state's current key is the timer's key. */
public interface Triggerable {

    void onEventTime(TimerKey timer) throws Exception;

    void onProcessingTime(TimerKey timer) throws Exception;
}
