package dev.spindle.yarn.client.api;

import java.util.List;

/** A job with its vertices and their subtasks, as {@code spindle info} shows it. */
public record JobDetails(JobSummary summary, String applicationId, List<Vertex> vertices) {

    /** One vertex (operator chain) of the job. */
    public record Vertex(String name, int parallelism, String status, List<Subtask> subtasks) {
    }

    /** One parallel instance of a vertex. */
    public record Subtask(int index, String status, String host, int attempt, long recordsIn, long recordsOut) {
    }
}
