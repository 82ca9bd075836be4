package dev.spindle.api.functions;

/** A {@link FlatMapFunction} with a lifecycle and a runtime context (state, subtask index, counters). */
public abstract class RichFlatMapFunction<T, O> extends AbstractRichFunction implements FlatMapFunction<T, O> {

    private static final long serialVersionUID = 1L;
}
