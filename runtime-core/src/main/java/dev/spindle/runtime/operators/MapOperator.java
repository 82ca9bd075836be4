package dev.spindle.runtime.operators;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.MapFunction;

/** Applies a {@link MapFunction}. */
public final class MapOperator<IN, OUT> extends UserFunctionOperator<MapFunction<IN, OUT>, IN, OUT> {

    private static final long serialVersionUID = 1L;

    public MapOperator(MapFunction<IN, OUT> function) {
        super(function);
    }

    /** On a keyed stream: the function may use keyed state, scoped to each record's key. */
    public MapOperator(MapFunction<IN, OUT> function, KeySelector<IN, ?> keySelector) {
        super(function, keySelector);
    }

    @Override
    public void processElement(IN record) throws Exception {
        setKeyContext(record);
        output.collect(function.map(record));
    }
}
