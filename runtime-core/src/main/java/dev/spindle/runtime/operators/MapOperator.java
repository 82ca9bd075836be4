package dev.spindle.runtime.operators;

import dev.spindle.api.functions.MapFunction;

/** Applies a {@link MapFunction}. */
public final class MapOperator<IN, OUT> extends UserFunctionOperator<MapFunction<IN, OUT>, IN, OUT> {

    private static final long serialVersionUID = 1L;

    public MapOperator(MapFunction<IN, OUT> function) {
        super(function);
    }

    @Override
    public void processElement(IN record) throws Exception {
        output.collect(function.map(record));
    }
}
