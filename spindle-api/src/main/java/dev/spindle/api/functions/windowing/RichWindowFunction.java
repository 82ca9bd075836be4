package dev.spindle.api.functions.windowing;

import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.windowing.windows.Window;

/** A {@link WindowFunction} with a lifecycle and the runtime context (keyed state of the window's key). */
public abstract class RichWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction
        implements WindowFunction<IN, OUT, KEY, W> {

    private static final long serialVersionUID = 1L;
}
