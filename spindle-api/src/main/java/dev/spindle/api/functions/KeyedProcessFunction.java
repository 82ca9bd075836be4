package dev.spindle.api.functions;

import dev.spindle.api.OutputTag;

/**
 * Processes the records of a keyed stream one by one, with access to per-key state through
 * {@code getRuntimeContext().getState(...)} and to per-key timers through {@code ctx.timerService()}:
 * state reads and writes apply to the key of the record being processed (or of the timer firing).
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /** Handles one record of the current key; emits zero or more records to {@code out}. */
    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** A timer set through {@link TimerService} fired at {@code timestamp}; state is that of the timer's key. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
    }

    /** What {@link #processElement} knows about the record being processed. */
    public abstract class Context {

        /** The key of the record (or timer). */
        public abstract K getCurrentKey();

        /** The record's event timestamp, or null when it has none; in {@code onTimer}, the timer's time. */
        public abstract Long timestamp();

        /** Clocks and timers of the current key. */
        public abstract TimerService timerService();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** What {@link #onTimer} knows about the timer firing. */
    public abstract class OnTimerContext extends Context {

        /** Whether an event-time or a processing-time timer fired. */
        public abstract TimeDomain timeDomain();
    }
}
