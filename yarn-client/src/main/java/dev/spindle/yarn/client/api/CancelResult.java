package dev.spindle.yarn.client.api;

import dev.spindle.api.JobID;

/**
 * What a cancellation did.
 *
 * @param outcome whether it was requested, unnecessary, or done by killing an application without AM
 * @param job the job before the request; null when the application had no AM to ask
 * @param applicationEnd for a per-job or application cluster, which ends with its job: its final
 *        status once it ended within the wait; null for a session or when it still runs
 * @param retainedCheckpoint the checkpoint the cancelled job leaves behind (RETAIN_ON_CANCELLATION), restorable
 *        with {@code run -s}; null when none is retained
 */
public record CancelResult(Outcome outcome, JobID jobId, JobSummary job, ApplicationStatus applicationEnd, String retainedCheckpoint) {

    /** How the cancellation ended. */
    public enum Outcome {
        /** The cluster was asked to cancel the job. */
        REQUESTED,
        /** The job had already ended; nothing was done. */
        ALREADY_ENDED,
        /** The application had no running AM yet; it was killed (and its staging dir removed). */
        APPLICATION_KILLED
    }
}
