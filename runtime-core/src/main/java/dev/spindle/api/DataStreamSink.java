package dev.spindle.api;

import dev.spindle.runtime.graph.Transformation;

/** The end of a stream in a sink; lets the sink's name and parallelism be set. */
public final class DataStreamSink<T> {

    private final Transformation<?> transformation;

    DataStreamSink(Transformation<?> transformation) {
        this.transformation = transformation;
    }

    public DataStreamSink<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public DataStreamSink<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    /** The sink's stable identity for checkpoints and savepoints. */
    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public Transformation<?> getTransformation() {
        return transformation;
    }
}
