package dev.spindle.runtime.operators;

import dev.spindle.api.functions.FilterFunction;

/** Forwards the records a {@link FilterFunction} accepts. */
public final class FilterOperator<T> extends UserFunctionOperator<FilterFunction<T>, T, T> {

    private static final long serialVersionUID = 1L;

    public FilterOperator(FilterFunction<T> function) {
        super(function);
    }

    @Override
    public void processElement(T record) throws Exception {
        if (function.filter(record)) {
            output.collect(record);
        }
    }
}
