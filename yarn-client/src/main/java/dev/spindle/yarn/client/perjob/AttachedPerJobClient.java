package dev.spindle.yarn.client.perjob;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.exceptions.YarnException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.spindle.api.JobClient;
import dev.spindle.api.JobExecutionException;
import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.JobStatus;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
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
    private RestClusterClient.JobSummary last;

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
        ApplicationReport end = descriptor.waitForEnd(app.applicationId(), this::poll);
        String diagnostics = end.getDiagnostics() == null ? "" : end.getDiagnostics().trim();
        if (end.getFinalApplicationStatus() == FinalApplicationStatus.SUCCEEDED) {
            long duration = last != null && last.status().equals("FINISHED") ? last.duration() : 0;
            return new JobExecutionResult(graph.getJobId(), duration, accumulators());
        }
        JobStatus status = end.getFinalApplicationStatus() == FinalApplicationStatus.KILLED ? JobStatus.CANCELED : JobStatus.FAILED;
        throw new CompletionException(new JobExecutionException(graph.getJobId(), status, "Job " + graph.getJobId() + " ("
                + graph.getName() + ") of application " + app.applicationId() + " ended " + end.getFinalApplicationStatus()
                + ": " + (diagnostics.isEmpty() ? "YARN gave no diagnostics" : diagnostics), null));
    }

    private void poll() {
        try {
            RestClusterClient r = rest();
            if (r == null) {
                return;
            }
            RestClusterClient.JobSummary now = r.job(graph.getJobId().toString());
            if (last == null || !last.status().equals(now.status())) {
                out.println("Job " + now.id() + " (" + now.name() + ") is " + now.status());
            }
            last = now;
        } catch (IOException | YarnException | RuntimeException e) {
            // The AM may be starting or already gone; YARN's report decides the outcome.
        }
    }

    private RestClusterClient rest() throws IOException, YarnException {
        if (rest == null) {
            String url = app.restUrl();
            if (url == null) {
                String tracked = descriptor.report(app.applicationId()).getOriginalTrackingUrl();
                url = tracked == null || tracked.isBlank() || tracked.equals("N/A") ? null : tracked;
            }
            if (url != null) {
                rest = new RestClusterClient(url, app.secret());
            }
        }
        return rest;
    }

    private Map<String, Object> accumulators() {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode acc = last == null || last.details() == null ? null : last.details().get("accumulators");
        if (acc != null) {
            acc.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isNumber() ? e.getValue().numberValue()
                    : e.getValue().isBoolean() ? e.getValue().booleanValue() : e.getValue().asText()));
        }
        return values;
    }
}
