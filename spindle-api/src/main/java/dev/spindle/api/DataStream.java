package dev.spindle.api;

import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.FilterFunction;
import dev.spindle.api.functions.ProcessFunction;
import dev.spindle.api.functions.FlatMapFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.SinkFunction;
import dev.spindle.api.dag.OneInputTransformation;
import dev.spindle.api.dag.OperatorDescription;
import dev.spindle.api.dag.PartitionTransformation;
import dev.spindle.api.dag.Partitioning;
import dev.spindle.api.dag.SinkDescription;
import dev.spindle.api.dag.SinkTransformation;
import dev.spindle.api.dag.Transformation;
import dev.spindle.api.dag.UnionTransformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A stream of records of type {@code T}, as the program builds it; nothing runs until {@code execute}. */
public class DataStream<T> {

    protected final StreamEnvironment environment;
    protected final Transformation<T> transformation;

    DataStream(StreamEnvironment environment, Transformation<T> transformation) {
        this.environment = environment;
        this.transformation = transformation;
    }

    /** The environment this stream was built in. */
    public StreamEnvironment getEnvironment() {
        return environment;
    }

    /** The program step that produces this stream. */
    public Transformation<T> getTransformation() {
        return transformation;
    }

    /** Sets the parallelism of the operator (or source) that produces this stream. */
    public DataStream<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    /** Names the operator that produces this stream (shown in the job graph, logs and REST). */
    public DataStream<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    /** Names the operator producing this stream for checkpoints and savepoints: its state is restored by this id. */
    public DataStream<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    /** One output record per input record. */
    public <O> SingleOutputStreamOperator<O> map(MapFunction<T, O> mapper) {
        return transform("Map", new OperatorDescription.Map<>(mapper));
    }

    /** Zero or more output records per input record. */
    public <O> SingleOutputStreamOperator<O> flatMap(FlatMapFunction<T, O> flatMapper) {
        return transform("Flat Map", new OperatorDescription.FlatMap<>(flatMapper));
    }

    /** Keeps the records the filter accepts. */
    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return transform("Filter", new OperatorDescription.Filter<>(filter));
    }

    /** Groups records by key: records with equal keys go to the same parallel subtask. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
        Objects.requireNonNull(keySelector, "key selector");
        PartitionTransformation<T> p = new PartitionTransformation<>(environment.nextId(), transformation, Partitioning.HASH,
                keySelector);
        return new KeyedStream<>(environment, p, keySelector);
    }

    /** Spreads records round-robin over the next operator's subtasks. */
    public DataStream<T> rebalance() {
        return partition(Partitioning.REBALANCE);
    }

    /** Sends every record to every subtask of the next operator. */
    public DataStream<T> broadcast() {
        return partition(Partitioning.BROADCAST);
    }

    /** One stream of the records of this and the other streams (same type). */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<Transformation<?>> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> other : others) {
            if (other.environment != environment) {
                throw new IllegalArgumentException("union: all streams must come from the same StreamEnvironment");
            }
            inputs.add(other.transformation);
        }
        return new DataStream<>(environment, new UnionTransformation<>(environment.nextId(), inputs));
    }

    /** Connects this stream with {@code other}: one operator processes both, knowing each record's input. */
    public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
        Objects.requireNonNull(other, "other stream");
        return new ConnectedStreams<>(environment, this, other);
    }

    /** Connects this stream with a broadcast stream: its records are processed with the broadcast state. */
    public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
        Objects.requireNonNull(broadcastStream, "broadcast stream");
        return new BroadcastConnectedStream<>(environment, this, broadcastStream);
    }

    /**
     * Sends every record to every subtask of the operator this stream is connected to, which keeps the
     * broadcast states the descriptors name.
     */
    public BroadcastStream<T> broadcast(dev.spindle.api.state.MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        Objects.requireNonNull(broadcastStateDescriptors, "broadcast state descriptors");
        return new BroadcastStream<>(environment, partition(Partitioning.BROADCAST).getTransformation(),
                List.of(broadcastStateDescriptors));
    }

    private DataStream<T> partition(Partitioning partitioning) {
        return new DataStream<>(environment, new PartitionTransformation<>(environment.nextId(), transformation, partitioning));
    }

    /**
     * Gives the records event timestamps and generates watermarks as {@code watermarkStrategy} says;
     * event-time windows and timers downstream run on these.
     */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> watermarkStrategy) {
        return transform("Timestamps/Watermarks", new OperatorDescription.TimestampsAndWatermarks<>(watermarkStrategy));
    }

    /** Processes each record with its timestamp, the current watermark and side outputs. */
    public <O> SingleOutputStreamOperator<O> process(ProcessFunction<T, O> function) {
        return transform("Process", new OperatorDescription.Process<>(function));
    }

    /** Groups all records of this stream (not keyed) into the windows {@code assigner} gives them; evaluated with parallelism 1. */
    public <W extends dev.spindle.api.windowing.windows.Window> AllWindowedStream<T, W> windowAll(
            dev.spindle.api.windowing.assigners.WindowAssigner<? super T, W> assigner) {
        return new AllWindowedStream<>(this, assigner);
    }

    /** Windows of {@code size} records of the whole stream: each fires and is emptied once it holds {@code size} records. */
    public AllWindowedStream<T, dev.spindle.api.windowing.windows.GlobalWindow> countWindowAll(long size) {
        return windowAll(dev.spindle.api.windowing.assigners.GlobalWindows.create())
                .trigger(dev.spindle.api.windowing.triggers.PurgingTrigger.of(dev.spindle.api.windowing.triggers.CountTrigger.of(size)));
    }

    /** Sliding count windows of the whole stream: every {@code slide} records, the last {@code size} records are evaluated. */
    public AllWindowedStream<T, dev.spindle.api.windowing.windows.GlobalWindow> countWindowAll(long size, long slide) {
        return windowAll(dev.spindle.api.windowing.assigners.GlobalWindows.create())
                .evictor(dev.spindle.api.windowing.evictors.CountEvictor.of(size))
                .trigger(dev.spindle.api.windowing.triggers.CountTrigger.of(slide));
    }

    /** Applies the operator {@code operator} describes; the general form of map, filter and friends. */
    <O> SingleOutputStreamOperator<O> transform(String name, OperatorDescription<T, O> operator) {
        OneInputTransformation<T, O> t = new OneInputTransformation<>(environment.nextId(), name, transformation, operator);
        environment.register(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /** Hands every record to a user sink. */
    public DataStreamSink<T> addSink(SinkFunction<T> sink) {
        return sink("Sink", new SinkDescription.UserFunction<>(sink));
    }

    /** Prints each record to the stdout of the task running the sink. */
    public DataStreamSink<T> print() {
        return sink("Print to Std. Out", new SinkDescription.Print<>());
    }

    /** Writes each record's text into {@code path/part-<subtask>}; fails if the output exists. */
    public DataStreamSink<T> writeAsText(String path) {
        return writeAsText(path, WriteMode.NO_OVERWRITE);
    }

    /** Like {@link #writeAsText(String)}; {@link WriteMode#OVERWRITE} replaces existing output. */
    public DataStreamSink<T> writeAsText(String path, WriteMode writeMode) {
        return sink("Text File " + path, new SinkDescription.TextFile<>(path, writeMode));
    }

    private DataStreamSink<T> sink(String name, SinkDescription<T> description) {
        SinkTransformation<T> t = new SinkTransformation<>(environment.nextId(), "Sink: " + name, transformation, description);
        environment.register(t);
        return new DataStreamSink<>(t);
    }
}
