package dev.spindle.runtime.jobmaster;

import dev.spindle.runtime.dispatcher.JobResult;
import java.util.List;

/** A job's summary plus its vertices and subtasks, as the REST job detail shows it. */
public record JobDetails(JobResult summary, List<VertexDetails> vertices) {

    public record VertexDetails(String id, String name, int parallelism, String status, long recordsIn, long recordsOut,
            List<SubtaskDetails> subtasks) {
    }

    public record SubtaskDetails(int index, String status, int attempt, String host, long recordsIn, long recordsOut) {
    }
}
