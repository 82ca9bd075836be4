package dev.spindle.api;

import dev.spindle.api.dag.OneInputTransformation;
import dev.spindle.api.functions.AggregateFunction;
import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.api.functions.windowing.AllWindowFunction;
import dev.spindle.api.functions.windowing.ProcessAllWindowFunction;
import dev.spindle.api.windowing.assigners.WindowAssigner;
import dev.spindle.api.windowing.evictors.Evictor;
import dev.spindle.api.windowing.triggers.Trigger;
import dev.spindle.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * A non-keyed stream grouped into windows ({@code windowAll}): every record of the stream goes to
 * one window operator, which runs with parallelism 1. Configure it and evaluate its windows as a
 * {@link WindowedStream}'s; underneath it is one, with a single key.
 */
public final class AllWindowedStream<T, W extends Window> {

    private final WindowedStream<T, Byte, W> windowed;

    AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> assigner) {
        this.windowed = input.keyBy(new NullByteKeySelector<T>()).window(assigner);
    }

    /** Replaces the assigner's default trigger. */
    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        windowed.trigger(trigger);
        return this;
    }

    /** Removes elements from a window before or after evaluation (the window then keeps all its elements). */
    public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
        windowed.evictor(evictor);
        return this;
    }

    /** Keeps event-time windows for {@code lateness} after their end; late records within it fire the window again. */
    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        windowed.allowedLateness(lateness);
        return this;
    }

    /** Sends records that arrive after their window's end plus the allowed lateness to side output {@code outputTag}. */
    public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> outputTag) {
        windowed.sideOutputLateData(outputTag);
        return this;
    }

    /** Each window's records combined by {@code function}; the result is emitted when the window fires. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return nonParallel("AllWindow(Reduce)", windowed.reduce(function));
    }

    /** Each window reduced incrementally, then handed (as one element) to {@code function} with the window. */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, AllWindowFunction<T, R, W> function) {
        Objects.requireNonNull(function, "window function");
        return nonParallel("AllWindow(Reduce, Apply)", windowed.reduce(reduceFunction, new AllWindowFunctionAdapter<>(function)));
    }

    /** Each window reduced incrementally, then handed (as one element) to {@code function} with the window's metadata. */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction, ProcessAllWindowFunction<T, R, W> function) {
        Objects.requireNonNull(function, "window function");
        return nonParallel("AllWindow(Reduce, Process)",
                windowed.reduce(reduceFunction, new ProcessAllWindowFunctionAdapter<>(function)));
    }

    /** Each window aggregated incrementally by {@code function}; its result is emitted when the window fires. */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        return nonParallel("AllWindow(Aggregate)", windowed.aggregate(function));
    }

    /** Each window aggregated incrementally, then its result handed to {@code windowFunction} with the window. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
                                                               AllWindowFunction<V, R, W> windowFunction) {
        Objects.requireNonNull(windowFunction, "window function");
        return nonParallel("AllWindow(Aggregate, Apply)",
                windowed.aggregate(aggregateFunction, new AllWindowFunctionAdapter<>(windowFunction)));
    }

    /** Each window aggregated incrementally, then its result handed to {@code windowFunction} with the window's metadata. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
                                                               ProcessAllWindowFunction<V, R, W> windowFunction) {
        Objects.requireNonNull(windowFunction, "window function");
        return nonParallel("AllWindow(Aggregate, Process)",
                windowed.aggregate(aggregateFunction, new ProcessAllWindowFunctionAdapter<>(windowFunction)));
    }

    /** Each fired window's elements, all of them, handed to {@code function} with the window. */
    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
        Objects.requireNonNull(function, "window function");
        return nonParallel("AllWindow(Apply)", windowed.process(new AllWindowFunctionAdapter<>(function)));
    }

    /** Each fired window's elements, all of them, handed to {@code function} with the window's metadata. */
    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        Objects.requireNonNull(function, "window function");
        return nonParallel("AllWindow(Process)", windowed.process(new ProcessAllWindowFunctionAdapter<>(function)));
    }

    private static <R> SingleOutputStreamOperator<R> nonParallel(String name, SingleOutputStreamOperator<R> stream) {
        OneInputTransformation<?, R> t = (OneInputTransformation<?, R>) stream.getTransformation();
        t.setName(name);
        t.setNonParallel();
        return stream;
    }
}
