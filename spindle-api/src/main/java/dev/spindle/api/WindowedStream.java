package dev.spindle.api;

import dev.spindle.api.dag.OperatorDescription;
import dev.spindle.api.functions.AggregateFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.api.functions.windowing.ProcessWindowFunction;
import dev.spindle.api.functions.windowing.WindowFunction;
import dev.spindle.api.windowing.assigners.MergingWindowAssigner;
import dev.spindle.api.windowing.assigners.WindowAssigner;
import dev.spindle.api.windowing.evictors.Evictor;
import dev.spindle.api.windowing.triggers.Trigger;
import dev.spindle.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * A keyed stream grouped into windows. Configure the trigger, evictor, allowed lateness and late
 * side output, then evaluate each window with reduce, aggregate or process.
 */
public final class WindowedStream<T, K, W extends Window> {

    private final KeyedStream<T, K> input;
    private final WindowAssigner<? super T, W> assigner;
    private Trigger<? super T, ? super W> trigger;
    private Evictor<? super T, ? super W> evictor;
    private long allowedLatenessMillis;
    private OutputTag<T> lateDataTag;

    WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
        this.input = input;
        this.assigner = Objects.requireNonNull(assigner, "window assigner");
        this.trigger = assigner.getDefaultTrigger();
    }

    /** Replaces the assigner's default trigger. */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        Objects.requireNonNull(trigger, "trigger");
        if (assigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
            throw new UnsupportedOperationException("A merging window assigner (sessions) cannot be used with " + trigger
                    + ", which does not support merging windows");
        }
        this.trigger = trigger;
        return this;
    }

    /** Removes elements from a window before or after evaluation (the window then keeps all its elements). */
    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        this.evictor = Objects.requireNonNull(evictor, "evictor");
        return this;
    }

    /**
     * Keeps event-time windows for {@code lateness} after their end: a late record within it is added
     * and fires the window again with the updated result; later records are dropped or go to the late side output.
     */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        if (lateness == null || lateness.isNegative()) {
            throw new IllegalArgumentException("allowed lateness must be zero or positive, was " + lateness);
        }
        if (!assigner.isEventTime() && !lateness.isZero()) {
            throw new UnsupportedOperationException("allowedLateness applies to event-time windows only; " + assigner
                    + " is not one");
        }
        this.allowedLatenessMillis = lateness.toMillis();
        return this;
    }

    /** Sends records that arrive after their window's end plus the allowed lateness to side output {@code outputTag}. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
        this.lateDataTag = Objects.requireNonNull(outputTag, "output tag");
        return this;
    }

    /** Each window's records combined by {@code function}; the result is emitted when the window fires. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        Objects.requireNonNull(function, "reduce function");
        return apply("Window(Reduce)", function, null, null);
    }

    /** Each window reduced incrementally, then handed (as one element) to {@code windowFunction} with the window's metadata. */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessWindowFunction<T, R, K, W> windowFunction) {
        Objects.requireNonNull(reduceFunction, "reduce function");
        Objects.requireNonNull(windowFunction, "window function");
        return apply("Window(Reduce, Process)", reduceFunction, null, windowFunction);
    }

    /** Each window aggregated incrementally by {@code function}; its result is emitted when the window fires. */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        Objects.requireNonNull(function, "aggregate function");
        return apply("Window(Aggregate)", null, function, null);
    }

    /** Each window aggregated incrementally, then its result handed to {@code windowFunction} with the window's metadata. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
                                                               ProcessWindowFunction<V, R, K, W> windowFunction) {
        Objects.requireNonNull(aggregateFunction, "aggregate function");
        Objects.requireNonNull(windowFunction, "window function");
        return apply("Window(Aggregate, Process)", null, aggregateFunction, windowFunction);
    }

    /** Each fired window's elements, all of them, handed to {@code function}. */
    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        Objects.requireNonNull(function, "window function");
        return apply("Window(Process)", null, null, function);
    }

    /** Each fired window's elements, all of them, handed to {@code function} with the key and the window. */
    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
        Objects.requireNonNull(function, "window function");
        return apply("Window(Apply)", null, null, new WindowFunctionAdapter<>(function));
    }

    /** Each window reduced incrementally, then handed (as one element) to {@code function} with the key and the window. */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, WindowFunction<T, R, K, W> function) {
        Objects.requireNonNull(reduceFunction, "reduce function");
        Objects.requireNonNull(function, "window function");
        return apply("Window(Reduce, Apply)", reduceFunction, null, new WindowFunctionAdapter<>(function));
    }

    /** Each window aggregated incrementally, then its result handed to {@code windowFunction} with the key and the window. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
                                                               WindowFunction<V, R, K, W> windowFunction) {
        Objects.requireNonNull(aggregateFunction, "aggregate function");
        Objects.requireNonNull(windowFunction, "window function");
        return apply("Window(Aggregate, Apply)", null, aggregateFunction, new WindowFunctionAdapter<>(windowFunction));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <R> SingleOutputStreamOperator<R> apply(String name, ReduceFunction<T> reduce, AggregateFunction<T, ?, ?> aggregate,
                                                    ProcessWindowFunction<?, R, K, W> windowFunction) {
        KeySelector<T, K> keySelector = input.getKeySelector();
        OperatorDescription.Window description = new OperatorDescription.Window(keySelector, assigner, trigger, evictor,
                allowedLatenessMillis, lateDataTag, reduce, aggregate, windowFunction);
        return (SingleOutputStreamOperator<R>) input.transform(name, description);
    }
}
