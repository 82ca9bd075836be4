package dev.spindle.api;

import dev.spindle.api.dag.PartitionTransformation;
import dev.spindle.api.dag.Partitioning;
import dev.spindle.api.dag.Transformation;
import dev.spindle.api.dag.TwoInputOperatorDescription;
import dev.spindle.api.dag.TwoInputTransformation;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.co.CoFlatMapFunction;
import dev.spindle.api.functions.co.CoMapFunction;
import dev.spindle.api.functions.co.CoProcessFunction;
import dev.spindle.api.functions.co.KeyedCoProcessFunction;
import java.util.Objects;

/**
 * Two streams, possibly of different types, processed together by one operator that knows which input
 * each record came from. After {@link #keyBy} both inputs are keyed: records of equal keys meet in one subtask.
 */
public class ConnectedStreams<IN1, IN2> {

    private final StreamEnvironment environment;
    private final DataStream<IN1> input1;
    private final DataStream<IN2> input2;
    private final KeySelector<IN1, ?> keySelector1;
    private final KeySelector<IN2, ?> keySelector2;

    ConnectedStreams(StreamEnvironment environment, DataStream<IN1> input1, DataStream<IN2> input2) {
        if (input1.getEnvironment() != environment || input2.getEnvironment() != environment) {
            throw new IllegalArgumentException("connect: both streams must come from the same StreamEnvironment");
        }
        this.environment = environment;
        this.input1 = input1;
        this.input2 = input2;
        this.keySelector1 = input1 instanceof KeyedStream<IN1, ?> k ? k.getKeySelector() : null;
        this.keySelector2 = input2 instanceof KeyedStream<IN2, ?> k ? k.getKeySelector() : null;
        if ((keySelector1 == null) != (keySelector2 == null)) {
            throw new IllegalArgumentException("connect: either both streams are keyed or neither is; "
                    + "use connect(...).keyBy(keySelector1, keySelector2) to key both");
        }
    }

    /** The environment both streams were built in. */
    public StreamEnvironment getExecutionEnvironment() {
        return environment;
    }

    /** The first input. */
    public DataStream<IN1> getFirstInput() {
        return input1;
    }

    /** The second input. */
    public DataStream<IN2> getSecondInput() {
        return input2;
    }

    /** Whether both inputs are keyed. */
    public boolean isKeyed() {
        return keySelector1 != null;
    }

    /** Keys both inputs by keys of one type: records of both inputs with equal keys go to the same subtask. */
    public <K> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2) {
        return new ConnectedStreams<>(environment, input1.keyBy(keySelector1), input2.keyBy(keySelector2));
    }

    /** One output record per record of either input. */
    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper) {
        return transform("Co-Map", new TwoInputOperatorDescription.CoMap<>(keySelector1, keySelector2, coMapper));
    }

    /** Zero or more output records per record of either input. */
    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper) {
        return transform("Co-Flat Map", new TwoInputOperatorDescription.CoFlatMap<>(keySelector1, keySelector2, coFlatMapper));
    }

    /** Processes each record of either input with its timestamp and side outputs (keyed state when keyed; no timers). */
    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> coProcessFunction) {
        return transform("Co-Process", new TwoInputOperatorDescription.CoProcess<>(keySelector1, keySelector2, coProcessFunction));
    }

    /** Processes each record of either input with its key's state and timers; both inputs must be keyed. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> keyedCoProcessFunction) {
        if (!isKeyed()) {
            throw new UnsupportedOperationException("A KeyedCoProcessFunction needs keyed connected streams: "
                    + "use connect(...).keyBy(keySelector1, keySelector2).process(...)");
        }
        return transform("Keyed Co-Process", new TwoInputOperatorDescription.KeyedCoProcess<K, IN1, IN2, R>(
                (KeySelector) keySelector1, (KeySelector) keySelector2, keyedCoProcessFunction));
    }

    private <R> SingleOutputStreamOperator<R> transform(String name, TwoInputOperatorDescription<IN1, IN2, R> operator) {
        Objects.requireNonNull(operator, "operator");
        TwoInputTransformation<IN1, IN2, R> t = new TwoInputTransformation<>(environment.nextId(), name, input1.getTransformation(),
                input2.getTransformation(), operator);
        environment.register(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
