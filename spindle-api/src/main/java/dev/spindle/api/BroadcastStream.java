package dev.spindle.api;

import dev.spindle.api.dag.Transformation;
import dev.spindle.api.state.MapStateDescriptor;
import java.util.List;

/**
 * A stream whose every record goes to every subtask of the operator it is connected to, with the
 * broadcast states that operator keeps; made by {@link DataStream#broadcast(MapStateDescriptor[])}
 * and used through {@link DataStream#connect(BroadcastStream)}.
 */
public final class BroadcastStream<T> {

    private final StreamEnvironment environment;
    private final Transformation<T> transformation;
    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;

    BroadcastStream(StreamEnvironment environment, Transformation<T> transformation, List<MapStateDescriptor<?, ?>> descriptors) {
        if (descriptors.isEmpty()) {
            throw new IllegalArgumentException("broadcast(...) needs at least one MapStateDescriptor for the broadcast state");
        }
        this.environment = environment;
        this.transformation = transformation;
        this.broadcastStateDescriptors = List.copyOf(descriptors);
    }

    /** The environment this stream was built in. */
    public StreamEnvironment getEnvironment() {
        return environment;
    }

    /** The broadcast partitioning step of this stream. */
    public Transformation<T> getTransformation() {
        return transformation;
    }

    /** The broadcast states the operator this stream is connected to keeps. */
    public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
        return broadcastStateDescriptors;
    }
}
