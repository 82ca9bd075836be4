package dev.spindle.api.functions;

/** A {@link ReduceFunction} with a lifecycle and a runtime context (state, subtask index, counters). */
public abstract class RichReduceFunction<T> extends AbstractRichFunction implements ReduceFunction<T> {

    private static final long serialVersionUID = 1L;
}
