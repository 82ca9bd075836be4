package dev.spindle.api.functions.windowing;

import dev.spindle.api.OutputTag;
import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.state.KeyedStateStore;
import dev.spindle.api.windowing.windows.Window;

/** Evaluates a fired window of a non-keyed stream ({@code windowAll}) with all its elements and its metadata. */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /** Emits the result(s) of the window holding {@code elements}. */
    public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** The window is cleaned up (its end plus the allowed lateness passed): per-window state is cleared right after. */
    public void clear(Context context) throws Exception {
    }

    /** What {@link #process} knows about the window. */
    public abstract class Context {

        /** The window being evaluated. */
        public abstract W window();

        /** State of this window only (checkpointed; cleared when the window is cleaned up). */
        public abstract KeyedStateStore windowState();

        /** State shared by every window of this operator (checkpointed). */
        public abstract KeyedStateStore globalState();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
