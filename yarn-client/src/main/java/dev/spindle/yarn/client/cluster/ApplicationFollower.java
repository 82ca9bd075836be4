package dev.spindle.yarn.client.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.exceptions.YarnException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.yarn.client.api.JobSummary;
import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.api.SpindleClientException;
import dev.spindle.yarn.client.deployment.DeployedApplication;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;
import dev.spindle.yarn.client.rest.RestClusterClient;

/**
 * Follows a deployed per-job or application cluster to its end: YARN's report decides when it
 * ended; while its AM is up, one progress line per job state change and per change of its
 * TaskExecutor counts. The one place that turns a followed application into an outcome.
 */
public final class ApplicationFollower {

    private final YarnClusterDescriptor descriptor;
    private final ProgressListener listener;

    public ApplicationFollower(YarnClusterDescriptor descriptor, ProgressListener listener) {
        this.descriptor = descriptor;
        this.listener = listener;
    }

    /** Blocks until YARN reports the application ended. */
    public ApplicationOutcome follow(DeployedApplication app) throws SpindleClientException, InterruptedException {
        JobPoller poller = new JobPoller(app);
        try {
            return new ApplicationOutcome(descriptor.waitForEnd(app.applicationId(), poller::poll),
                    new ArrayList<>(poller.jobs.values()));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new SpindleClientException("Lost track of application " + app.applicationId() + ": "
                    + RootCause.message(e), e);
        }
    }

    /** Asks the AM's REST API for its jobs on each poll of YARN's report. */
    private final class JobPoller {
        private final DeployedApplication app;
        private final ClusterSecret secret;
        private final Map<String, JobSummary> jobs = new LinkedHashMap<>();
        private RestClusterClient rest;
        /** The AM attempt whose REST endpoint {@link #rest} talks to; a new attempt serves at a new address. */
        private String attempt;
        private String lastWorkers;
        private final Map<String, CheckpointFigures> checkpoints = new LinkedHashMap<>();

        JobPoller(DeployedApplication app) {
            this.app = app;
            this.secret = app.secret();
        }

        void poll() {
            try {
                if (rest == null) {
                    ApplicationReport report = descriptor.report(app.applicationId());
                    String current = String.valueOf(report.getCurrentApplicationAttemptId());
                    if (attempt != null && !attempt.equals(current)) {
                        listener.progress("ApplicationMaster attempt " + current + " took over; its jobs resume from their latest checkpoints");
                    }
                    String url = attempt == null && app.restUrl() != null ? app.restUrl() : ApplicationReports.restUrl(report);
                    if (url == null) {
                        return;
                    }
                    attempt = current;
                    rest = new RestClusterClient(url, secret);
                }
                for (RestClusterClient.JobSummary j : rest.listJobs()) {
                    JobSummary before = jobs.get(j.id());
                    if (before == null || !before.status().equals(j.status())) {
                        // An ended job's own answer carries its accumulators; the listing does not.
                        jobs.put(j.id(), JobViews.summary(j.isTerminal() ? rest.job(j.id()) : j));
                        listener.progress("Job " + j.id() + " (" + j.name() + ") is " + j.status());
                    }
                    if (j.status().equals("RUNNING")) {
                        reportCheckpoints(j.id());
                    }
                }
                // A job is RUNNING as soon as it asks for slots, so the counts are shown until one ended.
                if (jobs.values().stream().noneMatch(JobSummary::ended)) {
                    workersChanged(rest.overview().get("workers"));
                }
            } catch (IOException | RuntimeException | YarnException e) {
                // The AM may be starting, failing over or already gone; YARN's report decides the outcome,
                // and the next poll asks YARN again where the AM serves.
                rest = null;
            }
        }

        private void reportCheckpoints(String jobId) throws IOException {
            JsonNode stats;
            try {
                stats = rest.checkpoints(jobId);
            } catch (RestClusterClient.RestException e) {
                return; // the job ended between the listing and this call
            }
            if (stats.path("enabled").asBoolean()) {
                String line = checkpoints.computeIfAbsent(jobId, id -> new CheckpointFigures()).newlyCompleted(jobId, stats);
                if (line != null) {
                    listener.progress(line);
                }
            }
        }

        private void workersChanged(JsonNode workers) {
            String line = WorkerProgress.describe(workers);
            if (line != null && !line.equals(lastWorkers)) {
                lastWorkers = line;
                listener.progress(line);
            }
        }
    }
}
