package dev.spindle.api.dag;

import java.util.List;

/** The end of a stream: a sink consuming one input stream. */
public final class SinkTransformation<T> extends Transformation<Void> {

    private final Transformation<T> input;
    private final SinkDescription<T> sink;

    /** The sink {@code sink} reading {@code input}. */
    public SinkTransformation(int id, String name, Transformation<T> input, SinkDescription<T> sink) {
        super(id, name, DEFAULT_PARALLELISM);
        this.input = input;
        this.sink = sink;
    }

    /** Where the sink puts the records. */
    public SinkDescription<T> getSink() {
        return sink;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }

    @Override
    public boolean isPhysical() {
        return true;
    }
}
