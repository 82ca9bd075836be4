package dev.spindle.api.dag;

import java.util.List;
import java.util.Objects;

/**
 * A program's job as the API describes it: its name and its transformations, in creation order.
 * What an executor receives; the runtime translates it into what runs.
 */
public final class Pipeline {

    private final String jobName;
    private final List<Transformation<?>> transformations;

    /** A job named {@code jobName} made of {@code transformations} (copied). */
    public Pipeline(String jobName, List<Transformation<?>> transformations) {
        this.jobName = Objects.requireNonNull(jobName, "job name");
        this.transformations = List.copyOf(transformations);
    }

    /** The name the job is shown under (job graph, logs, REST, list). */
    public String getJobName() {
        return jobName;
    }

    /** Every source, operator, partitioning, union and sink of the job, in creation order. */
    public List<Transformation<?>> getTransformations() {
        return transformations;
    }
}
