package dev.spindle.api;

import dev.spindle.api.functions.FilterFunction;
import dev.spindle.api.functions.FlatMapFunction;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.MapFunction;
import dev.spindle.api.functions.SinkFunction;
import dev.spindle.runtime.graph.OneInputTransformation;
import dev.spindle.runtime.graph.PartitionTransformation;
import dev.spindle.runtime.graph.Transformation;
import dev.spindle.runtime.graph.UnionTransformation;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.operators.FilterOperator;
import dev.spindle.runtime.operators.FlatMapOperator;
import dev.spindle.runtime.operators.MapOperator;
import dev.spindle.runtime.operators.SinkOperator;
import dev.spindle.runtime.operators.StreamOperator;
import dev.spindle.runtime.operators.sinks.PrintSink;
import dev.spindle.runtime.operators.sinks.TextOutputSink;
import dev.spindle.runtime.streamtask.BroadcastPartitioner;
import dev.spindle.runtime.streamtask.HashPartitioner;
import dev.spindle.runtime.streamtask.RebalancePartitioner;
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
    public <O> DataStream<O> map(MapFunction<T, O> mapper) {
        return transform("Map", new MapOperator<>(Objects.requireNonNull(mapper, "map function")));
    }

    /** Zero or more output records per input record. */
    public <O> DataStream<O> flatMap(FlatMapFunction<T, O> flatMapper) {
        return transform("Flat Map", new FlatMapOperator<>(Objects.requireNonNull(flatMapper, "flatMap function")));
    }

    /** Keeps the records the filter accepts. */
    public DataStream<T> filter(FilterFunction<T> filter) {
        return transform("Filter", new FilterOperator<>(Objects.requireNonNull(filter, "filter function")));
    }

    /** Groups records by key: records with equal keys go to the same parallel subtask. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
        Objects.requireNonNull(keySelector, "key selector");
        PartitionTransformation<T> p = new PartitionTransformation<>(environment.nextId(), transformation, ShipStrategy.HASH,
                new HashPartitioner<>(keySelector));
        return new KeyedStream<>(environment, p, keySelector);
    }

    /** Spreads records round-robin over the next operator's subtasks. */
    public DataStream<T> rebalance() {
        return partition(ShipStrategy.REBALANCE, new RebalancePartitioner());
    }

    /** Sends every record to every subtask of the next operator. */
    public DataStream<T> broadcast() {
        return partition(ShipStrategy.BROADCAST, new BroadcastPartitioner());
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

    private DataStream<T> partition(ShipStrategy strategy, dev.spindle.runtime.streamtask.Partitioner partitioner) {
        return new DataStream<>(environment, new PartitionTransformation<>(environment.nextId(), transformation, strategy, partitioner));
    }

    /** Applies an operator; the general form of map, filter and friends. */
    public <O> DataStream<O> transform(String name, StreamOperator<T, O> operator) {
        OneInputTransformation<T, O> t = new OneInputTransformation<>(environment.nextId(), name, transformation, operator);
        environment.register(t);
        return new DataStream<>(environment, t);
    }

    /** Hands every record to a user sink. */
    public DataStreamSink<T> addSink(SinkFunction<T> sink) {
        return sink("Sink", Objects.requireNonNull(sink, "sink function"));
    }

    /** Prints each record to the stdout of the task running the sink. */
    public DataStreamSink<T> print() {
        return sink("Print to Std. Out", new PrintSink<>());
    }

    /** Writes each record's text into {@code path/part-<subtask>}; fails if the output exists. */
    public DataStreamSink<T> writeAsText(String path) {
        return writeAsText(path, WriteMode.NO_OVERWRITE);
    }

    /** Like {@link #writeAsText(String)}; {@link WriteMode#OVERWRITE} replaces existing output. */
    public DataStreamSink<T> writeAsText(String path, WriteMode writeMode) {
        return sink("Text File " + path, new TextOutputSink<>(path, writeMode));
    }

    private DataStreamSink<T> sink(String name, SinkFunction<T> function) {
        OneInputTransformation<T, Void> t = new OneInputTransformation<>(environment.nextId(), "Sink: " + name, transformation,
                new SinkOperator<>(function));
        environment.register(t);
        return new DataStreamSink<>(t);
    }
}
