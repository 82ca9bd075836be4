package dev.spindle.yarn.client.perjob;

import java.util.concurrent.CompletableFuture;

import dev.spindle.api.JobClient;
import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.JobStatus;
import dev.spindle.api.JobID;
import dev.spindle.yarn.client.api.DeploymentTarget;

/**
 * What {@code executeAsync()} gives a detached per-job program: the job id and nothing to wait
 * for. The job's status and cancel are the CLI's business ({@code spindle list/cancel -id}).
 */
final class DetachedPerJobClient implements JobClient {

    private final JobID jobId;

    DetachedPerJobClient(JobID jobId) {
        this.jobId = jobId;
    }

    @Override
    public JobID getJobId() {
        return jobId;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("The job " + jobId
                + " was submitted detached; ask the cluster with 'spindle list -t " + DeploymentTarget.YARN_PER_JOB
                + " -id <appId>'."));
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("The job " + jobId
                + " was submitted detached; cancel it with 'spindle cancel -t " + DeploymentTarget.YARN_PER_JOB
                + " -id <appId> " + jobId + "'."));
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return CompletableFuture.completedFuture(JobExecutionResult.detached(jobId));
    }
}
