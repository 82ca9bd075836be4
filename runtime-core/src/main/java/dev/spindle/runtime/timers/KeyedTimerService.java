package dev.spindle.runtime.timers;

import dev.spindle.api.functions.TimerService;
import java.util.function.Supplier;

/**
 * The {@link TimerService} a keyed operator's user function sees: the operator's clocks, and timers
 * of the key being processed (without a namespace; window operators scope theirs to a window).
 */
public final class KeyedTimerService implements TimerService {

    private final InternalTimerService timers;
    private final Supplier<Object> currentKey;

    /** {@code currentKey} gives the key of the record or timer being processed; it may refuse when there is none. */
    public KeyedTimerService(InternalTimerService timers, Supplier<Object> currentKey) {
        this.timers = timers;
        this.currentKey = currentKey;
    }

    @Override
    public long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(currentKey.get(), null, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(currentKey.get(), null, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(currentKey.get(), null, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(currentKey.get(), null, time);
    }
}
