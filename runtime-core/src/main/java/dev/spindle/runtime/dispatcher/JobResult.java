package dev.spindle.runtime.dispatcher;

import dev.spindle.api.JobStatus;
import dev.spindle.api.JobID;
import java.io.Serializable;
import java.util.Map;

/**
 * The summary the dispatcher keeps of a job, running or ended: what {@code list} and {@code info}
 * show and what an attached client prints. {@code failureCause} is the root cause's
 * {@code Class: message}; {@code failureStackTrace} the whole trace.
 */
public record JobResult(
        JobID jobId,
        String jobName,
        JobStatus status,
        long startTime,
        long endTime,
        Map<String, Object> accumulators,
        String failureCause,
        String failureStackTrace) implements Serializable {

    public long durationMillis() {
        return (endTime > 0 ? endTime : System.currentTimeMillis()) - startTime;
    }
}
