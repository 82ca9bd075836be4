package dev.spindle.runtime.io.network;

import dev.spindle.api.JobID;

/** Identifies the output of one producer subtask attempt on one edge of a job. */
public record PartitionKey(JobID jobId, int edgeIndex, int producerSubtask, int attempt) {

    @Override
    public String toString() {
        return "partition(job " + jobId + ", edge " + edgeIndex + ", producer " + producerSubtask + ", attempt " + attempt + ")";
    }
}
