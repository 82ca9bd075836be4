package dev.spindle.api.dag;

import java.util.List;

/**
 * One step of a program as the user built it (a source, an operator, a repartitioning, a union),
 * before chaining. Ids increase in creation order, so inputs always have smaller ids.
 */
public abstract class Transformation<T> {

    /** Parallelism not set by the user: the environment's default applies. */
    public static final int DEFAULT_PARALLELISM = -1;

    private final int id;
    private String name;
    private int parallelism;
    private String uid;

    /** A step with the given id, name and parallelism (or {@link #DEFAULT_PARALLELISM}). */
    protected Transformation(int id, String name, int parallelism) {
        this.id = id;
        this.name = name;
        this.parallelism = parallelism;
    }

    /** Unique within the environment; increases in creation order. */
    public int getId() {
        return id;
    }

    /** The name shown in the job graph, logs and REST. */
    public String getName() {
        return name;
    }

    /** Renames the step; the name must not be empty. */
    public void setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an operator name must not be empty");
        }
        this.name = name;
    }

    /** The parallelism set by the user, or {@link #DEFAULT_PARALLELISM}. */
    public int getParallelism() {
        return parallelism;
    }

    /** Sets how many parallel subtasks run this step. */
    public void setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism of '" + name + "' must be at least 1, was " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** The operator's stable identity in checkpoints and savepoints; null until the user sets one (a default is derived then). */
    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("an operator uid must not be empty");
        }
        if (!isPhysical()) {
            throw new UnsupportedOperationException("'" + name + "' is no operator and keeps no state; set the uid on the operator "
                    + "before or after it");
        }
        this.uid = uid;
    }

    /** The transformations this one reads from. */
    public abstract List<Transformation<?>> getInputs();

    /** Whether this step becomes a node of the stream graph (sources and operators) rather than a property of edges. */
    public abstract boolean isPhysical();
}
