package dev.spindle.yarn.client.session;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.api.JobClient;
import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.execution.TranslatingPipelineExecutor;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import dev.spindle.runtime.rpc.JobGraphs;
import dev.spindle.yarn.client.rest.RestClusterClient;

/**
 * Where {@code execute()} of a program run by {@code spindle run} against a session sends its
 * jobs: the session's REST API. Attached, the returned client waits for the job's end; detached,
 * its result is complete at once with only the job id.
 */
public final class RestPipelineExecutor extends TranslatingPipelineExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(RestPipelineExecutor.class);

    private final RestClusterClient rest;
    private final RestJobClient.Reconnector reconnector;
    private final String applicationId;
    private final boolean attached;
    private final PrintStream out;
    private final List<JobID> submitted = new CopyOnWriteArrayList<>();

    /** @param reconnector finds the session's REST API again after an ApplicationMaster failover */
    public RestPipelineExecutor(RestClusterClient rest, RestJobClient.Reconnector reconnector, String applicationId, boolean attached,
            PrintStream out) {
        this.rest = rest;
        this.reconnector = reconnector;
        this.applicationId = applicationId;
        this.attached = attached;
        this.out = out;
    }

    @Override
    public JobClient submit(JobGraph jobGraph, Configuration configuration, ClassLoader userClassLoader) throws Exception {
        String id = rest.submitJob(JobGraphs.serialize(jobGraph));
        JobID jobId = JobID.fromHexString(id);
        submitted.add(jobId);
        LOG.info("Job {} ({}) submitted to session {}", jobId, jobGraph.getName(), applicationId);
        out.println("Job has been submitted with JobID " + jobId + " (" + jobGraph.getName() + ") to " + applicationId);
        RestJobClient client = new RestJobClient(rest, jobId, out, reconnector);
        return attached ? client : new DetachedJobClient(client);
    }

    /** Jobs submitted so far, in submission order. */
    public List<JobID> submittedJobs() {
        return List.copyOf(submitted);
    }

    /** Status and cancel go to the cluster; the result does not wait. */
    private record DetachedJobClient(RestJobClient delegate) implements JobClient {
        @Override
        public JobID getJobId() {
            return delegate.getJobId();
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return delegate.getJobStatus();
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return delegate.cancel();
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return CompletableFuture.completedFuture(JobExecutionResult.detached(delegate.getJobId()));
        }
    }
}
