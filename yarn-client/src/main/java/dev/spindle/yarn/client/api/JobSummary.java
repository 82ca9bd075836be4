package dev.spindle.yarn.client.api;

import java.util.Map;

import dev.spindle.api.JobID;

/**
 * One job of a cluster as it lists it.
 *
 * @param status CREATED, RUNNING, FINISHED, FAILED, CANCELED, ...
 * @param startTime epoch millis
 * @param duration millis so far (the whole run once ended)
 * @param failureCause why it failed; null otherwise
 * @param accumulators the job's accumulators when known (a finished job's), else empty
 */
public record JobSummary(JobID id, String name, String status, long startTime, long duration, String failureCause,
        Map<String, Object> accumulators) {

    /** Whether the job reached a terminal state. */
    public boolean ended() {
        return status.equals("FINISHED") || status.equals("FAILED") || status.equals("CANCELED");
    }
}
