package dev.spindle.api;

import dev.spindle.api.dag.SideOutputTransformation;
import dev.spindle.api.dag.Transformation;

/** The stream an operator produces; also gives access to the operator's side outputs. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    SingleOutputStreamOperator(StreamEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    /** The records the operator emitted to the side output {@code tag} (e.g. late window data). */
    public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
        java.util.Objects.requireNonNull(tag, "output tag");
        return new DataStream<>(environment, new SideOutputTransformation<>(environment.nextId(), transformation, tag));
    }

    @Override
    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        super.setParallelism(parallelism);
        return this;
    }

    @Override
    public SingleOutputStreamOperator<T> name(String name) {
        super.name(name);
        return this;
    }

    @Override
    public SingleOutputStreamOperator<T> uid(String uid) {
        super.uid(uid);
        return this;
    }
}
