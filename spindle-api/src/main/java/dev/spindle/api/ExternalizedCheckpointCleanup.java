package dev.spindle.api;

/** What happens to a job's completed checkpoints when the job is canceled. */
public enum ExternalizedCheckpointCleanup {
    /** Keep the retained checkpoints: the job can be restarted from one with {@code run -s <path>}. */
    RETAIN_ON_CANCELLATION,
    /** Delete the job's checkpoint directory on cancel. */
    DELETE_ON_CANCELLATION
}
