package dev.spindle.yarn.client.api;

import java.util.List;

import dev.spindle.api.JobID;

/**
 * What running a program or starting a cluster gave.
 *
 * @param target where it ran
 * @param applicationId the YARN application; null for a local run
 * @param trackingUrl the application's tracking URL (through the RM proxy); null when not known
 * @param detached whether the call returned without waiting for the end
 * @param jobIds the jobs the program submitted, in order
 * @param jobs what is known of the jobs at the end (attached runs), e.g. durations and accumulators
 * @param end the application's final status (attached runs on a per-job or application cluster);
 *        null when detached, local or on a session, which outlives its jobs
 */
public record DeploymentResult(DeploymentTarget target, String applicationId, String trackingUrl, boolean detached,
        List<JobID> jobIds, List<JobSummary> jobs, ApplicationStatus end) {

    /** Whether the run succeeded as far as it was followed: no ended application that did not succeed. */
    public boolean succeeded() {
        return end == null || end.succeeded();
    }
}
