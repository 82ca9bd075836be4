package dev.spindle.runtime.dispatcher;

import dev.spindle.api.JobClient;
import dev.spindle.api.JobExecutionException;
import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.JobStatus;
import dev.spindle.api.JobID;
import dev.spindle.runtime.rpc.RemoteFailure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** A {@link JobClient} on a job of an in-process dispatcher (MiniCluster, application mode). */
public final class DispatcherJobClient implements JobClient {

    private final DispatcherGateway dispatcher;
    private final JobID jobId;

    public DispatcherJobClient(DispatcherGateway dispatcher, JobID jobId) {
        this.dispatcher = dispatcher;
        this.jobId = jobId;
    }

    @Override
    public JobID getJobId() {
        return jobId;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return dispatcher.requestJob(jobId).thenApply(JobResult::status);
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return dispatcher.cancelJob(jobId);
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return dispatcher.requestJobResult(jobId).thenApply(DispatcherJobClient::toExecutionResult);
    }

    /** The result of a FINISHED job; throws (wrapped) {@link JobExecutionException} for FAILED and CANCELED. */
    public static JobExecutionResult toExecutionResult(JobResult r) {
        if (r.status() == JobStatus.FINISHED) {
            return new JobExecutionResult(r.jobId(), r.durationMillis(), r.accumulators());
        }
        throw new CompletionException(toException(r));
    }

    public static JobExecutionException toException(JobResult r) {
        if (r.status() == JobStatus.CANCELED) {
            return new JobExecutionException(r.jobId(), r.status(), "Job " + r.jobId() + " (" + r.jobName() + ") was canceled", null);
        }
        RemoteFailure cause = null;
        if (r.failureCause() != null) {
            String text = r.failureCause();
            int colon = text.indexOf(": ");
            cause = colon < 0 ? new RemoteFailure(text, "", r.failureStackTrace())
                    : new RemoteFailure(text.substring(0, colon), text.substring(colon + 2), r.failureStackTrace());
        }
        return new JobExecutionException(r.jobId(), r.status(), "Job " + r.jobId() + " (" + r.jobName() + ") " + r.status()
                + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }
}
