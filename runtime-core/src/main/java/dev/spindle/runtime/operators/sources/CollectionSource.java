package dev.spindle.runtime.operators.sources;

import dev.spindle.api.functions.SourceFunction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Emits the elements of a collection captured when the program was built; runs with parallelism 1. */
public final class CollectionSource<T> implements SourceFunction<T> {

    private static final long serialVersionUID = 1L;

    private final ArrayList<T> elements;
    private volatile boolean canceled;

    public CollectionSource(Collection<T> elements) {
        this.elements = new ArrayList<>(elements);
    }

    public List<T> elements() {
        return elements;
    }

    @Override
    public void run(SourceContext<T> ctx) {
        for (T element : elements) {
            if (canceled) {
                return;
            }
            ctx.collect(element);
        }
    }

    @Override
    public void cancel() {
        canceled = true;
    }

    @Override
    public boolean isBounded() {
        return true;
    }
}
