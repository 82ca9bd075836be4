package dev.spindle.api.functions;

/** A {@link MapFunction} with a lifecycle and a runtime context (state, subtask index, counters). */
public abstract class RichMapFunction<T, O> extends AbstractRichFunction implements MapFunction<T, O> {

    private static final long serialVersionUID = 1L;
}
