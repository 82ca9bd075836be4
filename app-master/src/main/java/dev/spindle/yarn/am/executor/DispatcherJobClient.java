package dev.spindle.yarn.am.executor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.spindle.api.JobClient;
import dev.spindle.api.JobExecutionException;
import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.JobStatus;
import dev.spindle.runtime.dispatcher.DispatcherGateway;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.jobgraph.JobID;

/** A handle on a job in the dispatcher of this process. */
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

    static JobExecutionResult toExecutionResult(JobResult result) {
        if (result.status() == JobStatus.FINISHED) {
            return new JobExecutionResult(result.jobId(), result.durationMillis(),
                    result.accumulators() == null ? java.util.Map.of() : result.accumulators());
        }
        throw new CompletionException(new JobExecutionException(result.jobId(), result.status(),
                "Job " + result.jobId() + " (" + result.jobName() + ") " + result.status()
                        + (result.failureCause() == null ? "" : ": " + result.failureCause()), null));
    }
}
