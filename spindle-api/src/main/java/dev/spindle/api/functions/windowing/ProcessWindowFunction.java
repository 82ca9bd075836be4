package dev.spindle.api.functions.windowing;

import dev.spindle.api.OutputTag;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.state.KeyedStateStore;
import dev.spindle.api.windowing.windows.Window;

/** Evaluates a fired window with all its elements (or the one pre-aggregated value) and its metadata. */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /** Emits the result(s) of the window of {@code key} holding {@code elements}. */
    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** The window is cleaned up (its end plus the allowed lateness passed): per-window state is cleared right after. */
    public void clear(Context context) throws Exception {
    }

    /** What {@link #process} knows about the window. */
    public abstract class Context {

        /** The window being evaluated. */
        public abstract W window();

        /** The machine's current time in milliseconds. */
        public abstract long currentProcessingTime();

        /** The operator's current watermark. */
        public abstract long currentWatermark();

        /**
         * State of this key and window only (checkpointed; cleared when the window is cleaned up). Not
         * available with merging (session) windows, whose windows come and go as they merge.
         */
        public abstract KeyedStateStore windowState();

        /** State of this key shared by all its windows (checkpointed); the same as the runtime context's keyed state. */
        public abstract KeyedStateStore globalState();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
