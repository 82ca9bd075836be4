package dev.spindle.api.functions.windowing;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.Function;
import dev.spindle.api.windowing.windows.Window;

/** Evaluates a fired window of a non-keyed stream ({@code windowAll}) with all its elements (or the one pre-aggregated value). */
@FunctionalInterface
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {

    /** Emits the result(s) of {@code window} holding {@code values}. */
    void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
