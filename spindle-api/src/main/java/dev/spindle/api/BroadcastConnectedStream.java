package dev.spindle.api;

import dev.spindle.api.dag.TwoInputOperatorDescription;
import dev.spindle.api.dag.TwoInputTransformation;
import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.co.BroadcastProcessFunction;
import dev.spindle.api.functions.co.KeyedBroadcastProcessFunction;

/**
 * A stream (keyed or not) connected with a {@link BroadcastStream}: its records are processed with
 * the broadcast state that the broadcast records build up.
 */
public final class BroadcastConnectedStream<IN1, IN2> {

    private final StreamEnvironment environment;
    private final DataStream<IN1> nonBroadcastStream;
    private final BroadcastStream<IN2> broadcastStream;

    BroadcastConnectedStream(StreamEnvironment environment, DataStream<IN1> nonBroadcastStream, BroadcastStream<IN2> broadcastStream) {
        if (broadcastStream.getEnvironment() != environment) {
            throw new IllegalArgumentException("connect: both streams must come from the same StreamEnvironment");
        }
        this.environment = environment;
        this.nonBroadcastStream = nonBroadcastStream;
        this.broadcastStream = broadcastStream;
    }

    /** The stream whose records read the broadcast state. */
    public DataStream<IN1> getFirstInput() {
        return nonBroadcastStream;
    }

    /** The broadcast stream. */
    public BroadcastStream<IN2> getSecondInput() {
        return broadcastStream;
    }

    /** Processes the records of a keyed stream with their key's state and timers and the broadcast state. */
    @SuppressWarnings("unchecked")
    public <KS, OUT> SingleOutputStreamOperator<OUT> process(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
        if (!(nonBroadcastStream instanceof KeyedStream<IN1, ?> keyed)) {
            throw new UnsupportedOperationException("A KeyedBroadcastProcessFunction needs a keyed stream: "
                    + "use stream.keyBy(...).connect(broadcastStream).process(...), or a BroadcastProcessFunction");
        }
        return transform("Keyed Broadcast Process", new TwoInputOperatorDescription.KeyedBroadcastProcess<>(
                (KeySelector<IN1, KS>) keyed.getKeySelector(), function, broadcastStream.getBroadcastStateDescriptors()));
    }

    /** Processes the records of a non-keyed stream with the broadcast state. */
    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function) {
        if (nonBroadcastStream instanceof KeyedStream<?, ?>) {
            throw new UnsupportedOperationException("A BroadcastProcessFunction is for non-keyed streams; "
                    + "on a keyed stream use a KeyedBroadcastProcessFunction");
        }
        return transform("Broadcast Process", new TwoInputOperatorDescription.BroadcastProcess<>(function,
                broadcastStream.getBroadcastStateDescriptors()));
    }

    private <OUT> SingleOutputStreamOperator<OUT> transform(String name, TwoInputOperatorDescription<IN1, IN2, OUT> operator) {
        TwoInputTransformation<IN1, IN2, OUT> t = new TwoInputTransformation<>(environment.nextId(), name,
                nonBroadcastStream.getTransformation(), broadcastStream.getTransformation(), operator);
        environment.register(t);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
