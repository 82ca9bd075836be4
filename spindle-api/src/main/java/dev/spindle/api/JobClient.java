package dev.spindle.api;

import dev.spindle.api.JobID;
import java.util.concurrent.CompletableFuture;

/** A handle on a submitted job, returned by {@code StreamEnvironment.executeAsync}. */
public interface JobClient {

    JobID getJobId();

    CompletableFuture<JobStatus> getJobStatus();

    /** Asks the cluster to cancel the job; completes when the cancel was accepted. */
    CompletableFuture<Void> cancel();

    /**
     * Completes with the result when the job FINISHED, or exceptionally with a
     * {@link JobExecutionException} when it FAILED or was CANCELED.
     */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
