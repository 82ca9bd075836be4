package dev.spindle.api.dag;

import dev.spindle.api.functions.FilterFunction;
import dev.spindle.api.functions.FlatMapFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.KeyedProcessFunction;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.api.OutputTag;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.AggregateFunction;
import dev.spindle.api.functions.ProcessFunction;
import dev.spindle.api.functions.windowing.ProcessWindowFunction;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.api.windowing.assigners.WindowAssigner;
import dev.spindle.api.windowing.evictors.Evictor;
import dev.spindle.api.windowing.triggers.Trigger;
import java.io.Serializable;
import java.util.Objects;

/**
 * What an operator does to each record of its input, with the user function that does it. The
 * runtime turns each kind into its operator; keyed kinds carry the key selector of their keyBy.
 */
public sealed interface OperatorDescription<IN, OUT> extends Serializable {

    /** One output record per input record. */
    record Map<IN, OUT>(MapFunction<IN, OUT> function) implements OperatorDescription<IN, OUT> {
        public Map {
            Objects.requireNonNull(function, "map function");
        }
    }

    /** Zero or more output records per input record. */
    record FlatMap<IN, OUT>(FlatMapFunction<IN, OUT> function) implements OperatorDescription<IN, OUT> {
        public FlatMap {
            Objects.requireNonNull(function, "flatMap function");
        }
    }

    /** The records the function accepts. */
    record Filter<T>(FilterFunction<T> function) implements OperatorDescription<T, T> {
        public Filter {
            Objects.requireNonNull(function, "filter function");
        }
    }

    /** {@link Map} on a keyed stream: the function may use keyed state of each record's key. */
    record KeyedMap<IN, OUT, K>(KeySelector<IN, K> keySelector, MapFunction<IN, OUT> function) implements OperatorDescription<IN, OUT> {
        public KeyedMap {
            Objects.requireNonNull(function, "map function");
        }
    }

    /** {@link FlatMap} on a keyed stream: the function may use keyed state of each record's key. */
    record KeyedFlatMap<IN, OUT, K>(KeySelector<IN, K> keySelector, FlatMapFunction<IN, OUT> function)
            implements OperatorDescription<IN, OUT> {
        public KeyedFlatMap {
            Objects.requireNonNull(function, "flatMap function");
        }
    }

    /** {@link Filter} on a keyed stream: the function may use keyed state of each record's key. */
    record KeyedFilter<T, K>(KeySelector<T, K> keySelector, FilterFunction<T> function) implements OperatorDescription<T, T> {
        public KeyedFilter {
            Objects.requireNonNull(function, "filter function");
        }
    }

    /** Each key's records combined by the function. */
    record KeyedReduce<T, K>(KeySelector<T, K> keySelector, ReduceFunction<T> function) implements OperatorDescription<T, T> {
        public KeyedReduce {
            Objects.requireNonNull(function, "reduce function");
        }
    }

    /** Each key's Tuple2 records summed on field {@code position} (0 or 1). */
    record KeyedSum<T, K>(KeySelector<T, K> keySelector, int position) implements OperatorDescription<T, T> {
        public KeyedSum {
            // Checked while the program is built, so the error points at sum(), not at execute().
            if (position != 0 && position != 1) {
                throw new IllegalArgumentException("sum(" + position + "): a Tuple2 has fields 0 and 1");
            }
        }
    }

    /** The number of records of each key, as (key, count). */
    record KeyedCount<T, K>(KeySelector<T, K> keySelector) implements OperatorDescription<T, Tuple2<K, Long>> {
    }

    /** Each record handed to the function with access to its key's state. */
    record KeyedProcess<K, IN, OUT>(KeySelector<IN, K> keySelector, KeyedProcessFunction<K, IN, OUT> function)
            implements OperatorDescription<IN, OUT> {
        public KeyedProcess {
            Objects.requireNonNull(function, "process function");
        }
    }

    /** Each record handed to the function with its timestamp and side outputs (no key, no timers). */
    record Process<IN, OUT>(ProcessFunction<IN, OUT> function) implements OperatorDescription<IN, OUT> {
        public Process {
            Objects.requireNonNull(function, "process function");
        }
    }

    /** Timestamps assigned to the records and watermarks generated, as the strategy says. */
    record TimestampsAndWatermarks<T>(WatermarkStrategy<T> strategy) implements OperatorDescription<T, T> {
        public TimestampsAndWatermarks {
            Objects.requireNonNull(strategy, "watermark strategy");
        }
    }

    /**
     * Each key's records grouped into windows by {@code assigner}, fired by {@code trigger} and
     * evaluated by {@code windowFunction}; records are pre-aggregated by {@code reduce} or
     * {@code aggregate} when one is given (and no evictor), else kept whole. Records later than
     * {@code allowedLatenessMillis} after a window's end go to {@code lateDataTag} (or are dropped when null).
     */
    record Window<K, IN, ACC, OUT>(KeySelector<IN, K> keySelector, WindowAssigner<? super IN, ?> assigner,
                                   Trigger<? super IN, ?> trigger, Evictor<? super IN, ?> evictor, long allowedLatenessMillis,
                                   OutputTag<IN> lateDataTag, ReduceFunction<IN> reduce, AggregateFunction<IN, ACC, ?> aggregate,
                                   ProcessWindowFunction<?, OUT, K, ?> windowFunction) implements OperatorDescription<IN, OUT> {
        public Window {
            Objects.requireNonNull(assigner, "window assigner");
            Objects.requireNonNull(trigger, "trigger");
            if (reduce != null && aggregate != null) {
                throw new IllegalArgumentException("a window is either reduced or aggregated, not both");
            }
        }
    }
}
