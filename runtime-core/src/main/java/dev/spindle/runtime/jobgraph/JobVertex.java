package dev.spindle.runtime.jobgraph;

import java.io.Serializable;
import java.util.Objects;

/**
 * One schedulable unit of a job (a chain of operators after chaining): it runs as
 * {@code parallelism} subtasks, each an instance of {@code invokableClassName} that gets
 * {@code taskConfiguration} (opaque bytes the invokable understands, e.g. the serialized
 * operator chain) through its {@link dev.spindle.runtime.task.TaskEnvironment}.
 */
public final class JobVertex implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobVertexID id;
    private final String name;
    private final int parallelism;
    private final String invokableClassName;
    private final byte[] taskConfiguration;
    private java.util.List<String> operatorUids = java.util.List.of();

    public JobVertex(JobVertexID id, String name, int parallelism, String invokableClassName, byte[] taskConfiguration) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism of vertex '" + name + "' must be at least 1, was " + parallelism);
        }
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.parallelism = parallelism;
        this.invokableClassName = Objects.requireNonNull(invokableClassName);
        this.taskConfiguration = taskConfiguration == null ? new byte[0] : taskConfiguration;
    }

    public JobVertexID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getParallelism() {
        return parallelism;
    }

    public String getInvokableClassName() {
        return invokableClassName;
    }

    /** Uids of the operators chained in this vertex (state is mapped to operators by them); empty for non-stream invokables. */
    public java.util.List<String> getOperatorUids() {
        return operatorUids;
    }

    public void setOperatorUids(java.util.List<String> uids) {
        this.operatorUids = java.util.List.copyOf(uids);
    }

    public byte[] getTaskConfiguration() {
        return taskConfiguration;
    }

    @Override
    public String toString() {
        return name + " (" + id + ", parallelism " + parallelism + ")";
    }
}
