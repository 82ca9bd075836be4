package dev.spindle.api.functions.co;

import dev.spindle.api.OutputTag;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.TimeDomain;
import dev.spindle.api.functions.TimerService;

/**
 * Processes the records of two connected streams keyed by the same key: both inputs' records of a key
 * reach the same subtask and share that key's state ({@code getRuntimeContext().getState(...)}) and timers.
 */
public abstract class KeyedCoProcessFunction<K, IN1, IN2, OUT> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /** Handles a record of the first input; state is that of its key. */
    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    /** Handles a record of the second input; state is that of its key. */
    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** A timer set through {@link TimerService} fired at {@code timestamp}; state is that of the timer's key. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
    }

    /** What the process methods know about the record being processed. */
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
