package dev.spindle.api.dag;

import dev.spindle.api.OutputTag;
import java.util.List;

/** The records an operator emitted to one side output, read as a stream of their own. */
public final class SideOutputTransformation<T> extends Transformation<T> {

    private final Transformation<?> input;
    private final OutputTag<T> tag;

    /** The side output {@code tag} of the operator producing {@code input}. */
    public SideOutputTransformation(int id, Transformation<?> input, OutputTag<T> tag) {
        super(id, "Side Output " + tag.getId(), DEFAULT_PARALLELISM);
        this.input = input;
        this.tag = tag;
    }

    /** Which side output. */
    public OutputTag<T> getTag() {
        return tag;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }

    @Override
    public boolean isPhysical() {
        return false;
    }
}
