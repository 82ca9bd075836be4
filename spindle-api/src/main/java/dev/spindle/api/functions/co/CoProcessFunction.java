package dev.spindle.api.functions.co;

import dev.spindle.api.OutputTag;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.TimeDomain;
import dev.spindle.api.functions.TimerService;

/**
 * Processes the records of two connected streams with their timestamps, the current watermark and
 * side outputs. Timers need keyed connected streams ({@link KeyedCoProcessFunction}); on non-keyed
 * streams setting one throws.
 */
public abstract class CoProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /** Handles a record of the first input. */
    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    /** Handles a record of the second input. */
    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** A timer fired at {@code timestamp} (keyed connected streams only). */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
    }

    /** What the process methods know about the record being processed. */
    public abstract class Context {

        /** The record's event timestamp, or null when it has none. */
        public abstract Long timestamp();

        /** Clocks and (on keyed streams) timers. */
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
