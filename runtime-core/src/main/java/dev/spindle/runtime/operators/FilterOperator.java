package dev.spindle.runtime.operators;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.FilterFunction;

/** Forwards the records a {@link FilterFunction} accepts. */
public final class FilterOperator<T> extends UserFunctionOperator<FilterFunction<T>, T, T> {

    private static final long serialVersionUID = 1L;

    public FilterOperator(FilterFunction<T> function) {
        super(function);
    }

    /** On a keyed stream: the function may use keyed state, scoped to each record's key. */
    public FilterOperator(FilterFunction<T> function, KeySelector<T, ?> keySelector) {
        super(function, keySelector);
    }

    @Override
    public void processElement(T record) throws Exception {
        setKeyContext(record);
        if (function.filter(record)) {
            output.collect(record);
        }
    }
}
