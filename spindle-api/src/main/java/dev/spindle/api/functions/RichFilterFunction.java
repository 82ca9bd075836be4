package dev.spindle.api.functions;

/** A {@link FilterFunction} with a lifecycle and a runtime context (state, subtask index, counters). */
public abstract class RichFilterFunction<T> extends AbstractRichFunction implements FilterFunction<T> {

    private static final long serialVersionUID = 1L;
}
