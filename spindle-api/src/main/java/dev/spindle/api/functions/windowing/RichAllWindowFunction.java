package dev.spindle.api.functions.windowing;

import dev.spindle.api.functions.AbstractRichFunction;
import dev.spindle.api.windowing.windows.Window;

/** An {@link AllWindowFunction} with a lifecycle and the runtime context. */
public abstract class RichAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction
        implements AllWindowFunction<IN, OUT, W> {

    private static final long serialVersionUID = 1L;
}
