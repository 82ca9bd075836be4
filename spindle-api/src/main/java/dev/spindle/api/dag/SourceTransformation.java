package dev.spindle.api.dag;

import java.util.List;

/** A source; {@code maxParallelism} is 1 for sources that cannot be read in parallel (socket, collection), 0 for no limit. */
public final class SourceTransformation<T> extends Transformation<T> {

    private final SourceDescription<T> source;
    private final boolean bounded;
    private final int maxParallelism;

    /** The source {@code source}; {@code bounded} says whether it ends by itself. */
    public SourceTransformation(int id, String name, SourceDescription<T> source, boolean bounded, int maxParallelism) {
        super(id, name, maxParallelism == 1 ? 1 : DEFAULT_PARALLELISM);
        this.source = source;
        this.bounded = bounded;
        this.maxParallelism = maxParallelism;
    }

    /** What the source reads. */
    public SourceDescription<T> getSource() {
        return source;
    }

    /** Whether the source ends by itself; decides the AUTOMATIC runtime mode. */
    public boolean isBounded() {
        return bounded;
    }

    /** The highest parallelism the source can run with; 0 for no limit. */
    public int getMaxParallelism() {
        return maxParallelism;
    }

    @Override
    public void setParallelism(int parallelism) {
        if (maxParallelism > 0 && parallelism > maxParallelism) {
            throw new IllegalArgumentException("Source '" + getName() + "' cannot run in parallel; its parallelism must be "
                    + maxParallelism + ", not " + parallelism + ". Set the parallelism on the operators after it instead");
        }
        super.setParallelism(parallelism);
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }

    @Override
    public boolean isPhysical() {
        return true;
    }
}
