package dev.spindle.api.functions;

/**
 * Processes the records of a keyed stream one by one, with access to per-key state through
 * {@code getRuntimeContext().getState(...)}: state reads and writes apply to the key of the
 * record being processed.
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /** Handles one record of the current key; emits zero or more records to {@code out}. */
    public abstract void processElement(I value, Context<K> ctx, Collector<O> out) throws Exception;

    /** What {@link #processElement} knows about the record being processed. */
    public interface Context<K> {

        K getCurrentKey();
    }
}
