package dev.spindle.runtime.jobmaster;

import dev.spindle.runtime.jobgraph.JobEdge;
import java.util.Map;

import dev.spindle.runtime.dispatcher.JobResult;
import java.util.List;

/** A job's summary plus its vertices and subtasks, as the REST job detail shows it. */
public record JobDetails(JobResult summary, List<VertexDetails> vertices, List<JobEdge> edges, int restarts,
        List<ExceptionEntry> exceptions, Map<String, String> configuration) {

    /** Only the summary: a job that ended under an earlier ApplicationMaster attempt, whose details went with it. */
    public static JobDetails summaryOnly(JobResult summary) {
        return new JobDetails(summary, List.of(), List.of(), 0, List.of(), Map.of());
    }

    /**
     * A failure that restarted or failed the job: when, the subtask attempt it came from and its
     * TaskExecutor (each null when the failure was not one task's, e.g. missing slots or a lost
     * TaskExecutor), its root cause, and the whole trace.
     */
    public record ExceptionEntry(long timestamp, String task, String location, String rootCause, String stackTrace) {
    }

    public record VertexDetails(String id, String name, int parallelism, String status, long recordsIn, long recordsOut,
            List<SubtaskDetails> subtasks) {
    }

    /** One subtask; {@code taskExecutor} is where it runs (null before deployment), {@code metrics} null before its first heartbeat. */
    public record SubtaskDetails(int index, String status, int attempt, String host, long recordsIn, long recordsOut,
            String taskExecutor, SubtaskMetrics metrics) {
    }
}
