package dev.spindle.api.functions;

import dev.spindle.api.OutputTag;

/**
 * Processes each record of a (non-keyed) stream with its timestamp, the current watermark and side
 * outputs. Timers need a keyed stream ({@link KeyedProcessFunction}): setting one here throws.
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /** Handles one record; emits zero or more records to {@code out}. */
    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** What {@link #processElement} knows about the record being processed. */
    public abstract class Context {

        /** The record's event timestamp, or null when it has none. */
        public abstract Long timestamp();

        /** Clocks; setting timers throws, as timers need a keyed stream. */
        public abstract TimerService timerService();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
