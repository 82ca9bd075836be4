package dev.spindle.api;

import dev.spindle.api.functions.FilterFunction;
import dev.spindle.api.functions.FlatMapFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.KeyedProcessFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.windowing.assigners.GlobalWindows;
import dev.spindle.api.windowing.assigners.WindowAssigner;
import dev.spindle.api.windowing.evictors.CountEvictor;
import dev.spindle.api.windowing.triggers.CountTrigger;
import dev.spindle.api.windowing.triggers.PurgingTrigger;
import dev.spindle.api.windowing.windows.GlobalWindow;
import dev.spindle.api.windowing.windows.Window;
import dev.spindle.api.dag.OperatorDescription;
import dev.spindle.api.dag.PartitionTransformation;

/**
 * A stream grouped by key. Aggregations keep one value per key: in STREAMING mode they emit the
 * updated value for every record, in BATCH mode only each key's final value at the end of input.
 */
public final class KeyedStream<T, K> extends DataStream<T> {

    private final KeySelector<T, K> keySelector;

    KeyedStream(StreamEnvironment environment, PartitionTransformation<T> transformation, KeySelector<T, K> keySelector) {
        super(environment, transformation);
        this.keySelector = keySelector;
    }

    /** How this stream's keys are extracted. */
    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    /** One output record per input record; a rich mapper may use the keyed state of each record's key. */
    @Override
    public <O> SingleOutputStreamOperator<O> map(MapFunction<T, O> mapper) {
        return transform("Map", new OperatorDescription.KeyedMap<>(keySelector, mapper));
    }

    /** Zero or more output records per input record; a rich function may use the keyed state of each record's key. */
    @Override
    public <O> SingleOutputStreamOperator<O> flatMap(FlatMapFunction<T, O> flatMapper) {
        return transform("Flat Map", new OperatorDescription.KeyedFlatMap<>(keySelector, flatMapper));
    }

    /** Keeps the records the filter accepts; a rich filter may use the keyed state of each record's key. */
    @Override
    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return transform("Filter", new OperatorDescription.KeyedFilter<>(keySelector, filter));
    }

    /** Combines the records of each key with {@code reducer}. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return transform("Keyed Reduce", new OperatorDescription.KeyedReduce<>(keySelector, reducer));
    }

    /** Sums field {@code position} (0 or 1) of Tuple2 records per key. */
    public SingleOutputStreamOperator<T> sum(int position) {
        return transform("Keyed Sum", new OperatorDescription.KeyedSum<>(keySelector, position));
    }

    /** Sums the Tuple2 field named {@code "f0"} or {@code "f1"} per key. */
    public SingleOutputStreamOperator<T> sum(String field) {
        if ("f0".equals(field)) {
            return sum(0);
        }
        if ("f1".equals(field)) {
            return sum(1);
        }
        throw new IllegalArgumentException("sum(\"" + field + "\"): only the Tuple2 fields \"f0\" and \"f1\" can be summed; "
                + "for other types use reduce((a, b) -> ...)");
    }

    /** Counts records per key, as (key, count). */
    public SingleOutputStreamOperator<Tuple2<K, Long>> count() {
        return transform("Keyed Count", new OperatorDescription.KeyedCount<>(keySelector));
    }

    /** Processes each record with access to state of its key. */
    public <O> SingleOutputStreamOperator<O> process(KeyedProcessFunction<K, T, O> function) {
        return transform("Keyed Process", new OperatorDescription.KeyedProcess<>(keySelector, function));
    }

    /** Groups each key's records into the windows {@code assigner} gives them. */
    public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** Windows of {@code size} records per key: each fires and is emptied once it holds {@code size} records. */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size) {
        return window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /** Sliding count windows: every {@code slide} records of a key, the last {@code size} records are evaluated. */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size, long slide) {
        return window(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
    }

    @Override
    public KeyedStream<T, K> setParallelism(int parallelism) {
        throw new UnsupportedOperationException("keyBy has no parallelism of its own; set it on the operator that follows "
                + "(e.g. keyBy(...).sum(1).setParallelism(" + parallelism + "))");
    }
}
