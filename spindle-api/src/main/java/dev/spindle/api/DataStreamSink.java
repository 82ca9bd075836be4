package dev.spindle.api;

import dev.spindle.api.dag.Transformation;

/** The end of a stream in a sink; lets the sink's name and parallelism be set. */
public final class DataStreamSink<T> {

    private final Transformation<?> transformation;

    DataStreamSink(Transformation<?> transformation) {
        this.transformation = transformation;
    }

    /** Sets how many parallel subtasks run the sink. */
    public DataStreamSink<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    /** Names the sink (shown in the job graph, logs and REST). */
    public DataStreamSink<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    /** The sink's stable identity for checkpoints and savepoints. */
    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    /** The program step of the sink. */
    public Transformation<?> getTransformation() {
        return transformation;
    }
}
