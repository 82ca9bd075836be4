package dev.spindle.yarn.client.api;

import java.util.List;

/** A job with its vertices and their subtasks, as {@code spindle info} shows it. */
public record JobDetails(JobSummary summary, String applicationId, List<Vertex> vertices) {

    /** One vertex (operator chain) of the job, with its figures (null before the first heartbeat carried any). */
    public record Vertex(String name, int parallelism, String status, List<Subtask> subtasks, Figures figures) {
    }

    /**
     * A vertex's throughput and time shares over the last heartbeat interval: rates add up over
     * its subtasks, busy and backpressured are their mean shares of the time (0..1).
     */
    public record Figures(long recordsIn, long recordsOut, double recordsInPerSecond, double recordsOutPerSecond, double busyRatio,
            double backpressuredRatio) {
    }

    /** One parallel instance of a vertex. */
    public record Subtask(int index, String status, String host, int attempt, long recordsIn, long recordsOut) {
    }
}
