package dev.spindle.api.functions.windowing;

import dev.spindle.api.OutputTag;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.windowing.windows.Window;

/** Evaluates a fired window with all its elements (or the one pre-aggregated value) and its metadata. */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /** Emits the result(s) of the window of {@code key} holding {@code elements}. */
    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** What {@link #process} knows about the window. */
    public abstract class Context {

        /** The window being evaluated. */
        public abstract W window();

        /** The machine's current time in milliseconds. */
        public abstract long currentProcessingTime();

        /** The operator's current watermark. */
        public abstract long currentWatermark();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
