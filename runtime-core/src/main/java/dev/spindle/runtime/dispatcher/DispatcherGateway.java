package dev.spindle.runtime.dispatcher;

import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * The dispatcher as seen by in-process callers (application-mode entrypoint, MiniCluster, REST
 * handlers): submit job graphs, query, cancel.
 */
public interface DispatcherGateway {

    /** Accepts the job and starts a job master for it; completes once accepted. */
    CompletableFuture<JobID> submitJob(JobGraph jobGraph);

    /** Running and finished jobs. */
    CompletableFuture<Collection<JobResult>> listJobs();

    /** The current summary of a job (running or ended). */
    CompletableFuture<JobResult> requestJob(JobID jobId);

    /** Completes when the job reached a terminal state, with its final summary. */
    CompletableFuture<JobResult> requestJobResult(JobID jobId);

    CompletableFuture<Void> cancelJob(JobID jobId);

    /** Whether the job was taken over from an earlier ApplicationMaster attempt (and a new submission of it attaches). */
    default boolean tookOver(JobID jobId) {
        return false;
    }
}
