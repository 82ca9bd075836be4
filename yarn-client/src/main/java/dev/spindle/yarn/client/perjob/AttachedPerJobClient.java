package dev.spindle.yarn.client.perjob;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.exceptions.YarnException;

import dev.spindle.api.JobClient;
import dev.spindle.api.JobExecutionException;
import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.JobStatus;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import dev.spindle.yarn.client.api.ApplicationStatus;
import dev.spindle.yarn.client.api.JobSummary;
import dev.spindle.yarn.client.cluster.ApplicationFollower;
import dev.spindle.yarn.client.cluster.ApplicationOutcome;
import dev.spindle.yarn.client.cluster.ApplicationReports;
import dev.spindle.yarn.client.deployment.DeployedApplication;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;
import dev.spindle.yarn.client.rest.RestClusterClient;

/**
 * The attached handle on a per-job application's job: status and cancel over REST while the AM
 * runs; the result once YARN reports the application ended, so that {@code execute()} returns
 * with the job (and main() may print its accumulators).
 */
final class AttachedPerJobClient implements JobClient {

    private final YarnClusterDescriptor descriptor;
    private final DeployedApplication app;
    private final JobGraph graph;
    private final PrintStream out;
    private CompletableFuture<JobExecutionResult> result;
    private RestClusterClient rest;

    AttachedPerJobClient(YarnClusterDescriptor descriptor, DeployedApplication app, JobGraph graph, PrintStream out) {
        this.descriptor = descriptor;
        this.app = app;
        this.graph = graph;
        this.out = out;
    }

    @Override
    public JobID getJobId() {
        return graph.getJobId();
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        try {
            RestClusterClient r = rest();
            if (r != null) {
                return CompletableFuture.completedFuture(JobStatus.valueOf(r.job(graph.getJobId().toString()).status()));
            }
            ApplicationReport report = descriptor.report(app.applicationId());
            return CompletableFuture.completedFuture(report.getFinalApplicationStatus() == FinalApplicationStatus.SUCCEEDED
                    ? JobStatus.FINISHED : report.getFinalApplicationStatus() == FinalApplicationStatus.KILLED
                    ? JobStatus.CANCELED : report.getFinalApplicationStatus() == FinalApplicationStatus.UNDEFINED
                    ? JobStatus.CREATED : JobStatus.FAILED);
        } catch (IOException | YarnException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> cancel() {
        try {
            RestClusterClient r = rest();
            if (r == null) {
                descriptor.kill(app.applicationId());
            } else {
                r.cancel(graph.getJobId().toString());
            }
            return CompletableFuture.completedFuture(null);
        } catch (IOException | YarnException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Follows the application to its end on the calling thread, the first time it is asked. */
    @Override
    public synchronized CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        if (result == null) {
            result = new CompletableFuture<>();
            try {
                result.complete(follow());
            } catch (Exception e) {
                result.completeExceptionally(e instanceof CompletionException ? e : new CompletionException(e));
            }
        }
        return result;
    }

    private JobExecutionResult follow() throws Exception {
        ApplicationOutcome outcome = new ApplicationFollower(descriptor, out::println).follow(app);
        ApplicationStatus end = outcome.status();
        JobSummary job = outcome.jobs().stream().filter(j -> j.id().equals(graph.getJobId())).findFirst().orElse(null);
        if (end.succeeded()) {
            boolean finished = job != null && job.status().equals(JobStatus.FINISHED.name());
            return new JobExecutionResult(graph.getJobId(), finished ? job.duration() : 0,
                    finished ? job.accumulators() : Map.of());
        }
        JobStatus status = end.finalStatus().equals("KILLED") ? JobStatus.CANCELED : JobStatus.FAILED;
        throw new CompletionException(new JobExecutionException(graph.getJobId(), status, "Job " + graph.getJobId() + " ("
                + graph.getName() + ") of application " + app.applicationId() + " ended " + end.finalStatus() + ": "
                + (end.diagnostics().isEmpty() ? "YARN gave no diagnostics" : end.diagnostics()), null));
    }

    /** The AM's REST API once it registered; null before. */
    private RestClusterClient rest() throws IOException, YarnException {
        if (rest == null) {
            String url = app.restUrl() != null ? app.restUrl()
                    : ApplicationReports.restUrl(descriptor.report(app.applicationId()));
            if (url != null) {
                rest = new RestClusterClient(url, app.secret());
            }
        }
        return rest;
    }
}
