package dev.spindle.api.functions.windowing;

import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.Function;
import dev.spindle.api.windowing.windows.Window;

/** Evaluates a fired window of one key with all its elements (or the one pre-aggregated value). */
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {

    /** Emits the result(s) of {@code window} of {@code key} holding {@code input}. */
    void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
