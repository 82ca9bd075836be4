package dev.spindle.yarn.client.session;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

import dev.spindle.yarn.client.cluster.CheckpointFigures;
import dev.spindle.yarn.client.cluster.JobViews;
import dev.spindle.api.JobClient;
import dev.spindle.api.JobExecutionException;
import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.JobStatus;
import dev.spindle.api.JobID;
import dev.spindle.yarn.client.rest.RestClusterClient;

/**
 * A job running in a remote cluster, watched over REST. The result is found by polling the job's
 * status (the REST API has no push); each state change is printed as one line.
 */
public final class RestJobClient implements JobClient {

    private static final Duration POLL = Duration.ofMillis(50);

    /** How long an unreachable cluster is waited for when it can be asked again where it serves (an AM failover). */
    private static final Duration FAILOVER_WAIT = Duration.ofSeconds(180);
    private static final int BLIP_FAILURES = 40;

    /** Asks again where the cluster's REST API serves: a new ApplicationMaster attempt serves at a new address. */
    @FunctionalInterface
    public interface Reconnector {
        /** The REST API of the cluster's current attempt; throws when the cluster ended or has no address yet. */
        RestClusterClient reconnect() throws Exception;
    }

    private volatile RestClusterClient rest;
    private final JobID jobId;
    private final PrintStream out;
    private final Reconnector reconnector;
    private CompletableFuture<JobExecutionResult> result;

    public RestJobClient(RestClusterClient rest, JobID jobId, PrintStream out) {
        this(rest, jobId, out, null);
    }

    /** @param reconnector asked for the cluster's new address while it is unreachable; null to give up after a blip */
    public RestJobClient(RestClusterClient rest, JobID jobId, PrintStream out, Reconnector reconnector) {
        this.rest = rest;
        this.jobId = jobId;
        this.out = out;
        this.reconnector = reconnector;
    }

    @Override
    public JobID getJobId() {
        return jobId;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        try {
            return CompletableFuture.completedFuture(JobStatus.valueOf(rest.job(jobId.toHexString()).status()));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> cancel() {
        try {
            rest.cancel(jobId.toHexString());
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public synchronized CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        if (result == null) {
            result = new CompletableFuture<>();
            Thread watcher = new Thread(this::watch, "job-watcher-" + jobId);
            watcher.setDaemon(true);
            watcher.start();
        }
        return result;
    }

    private void watch() {
        String seen = null;
        int failures = 0;
        CheckpointFigures figures = new CheckpointFigures();
        try {
            while (true) {
                RestClusterClient.JobSummary job;
                try {
                    job = rest.job(jobId.toHexString());
                    failures = 0;
                } catch (IOException e) {
                    // A blip is retried; a cluster that stays unreachable ends the wait with its cause,
                    // unless YARN names a new address (the session's next ApplicationMaster attempt).
                    failures++;
                    if (reconnector == null ? failures >= BLIP_FAILURES : failures * 250L >= FAILOVER_WAIT.toMillis()) {
                        throw e;
                    }
                    if (reconnector != null && failures % 8 == 0) {
                        reconnect(failures == 8);
                    }
                    Thread.sleep(250);
                    continue;
                }
                if (!job.status().equals(seen)) {
                    seen = job.status();
                    out.println("Job " + jobId + " (" + job.name() + ") is " + seen);
                }
                if (job.isTerminal()) {
                    complete(job);
                    return;
                }
                if (seen.equals("RUNNING")) {
                    reportCheckpoints(figures);
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        } catch (Exception e) {
            result.completeExceptionally(new JobExecutionException(jobId, JobStatus.FAILED,
                    "Lost track of job " + jobId + ": " + e.getMessage(), e));
        }
    }

    private void reconnect(boolean first) throws Exception {
        if (first) {
            out.println("Lost the cluster's ApplicationMaster; following job " + jobId + " to its next attempt");
        }
        try {
            rest = reconnector.reconnect();
        } catch (dev.spindle.yarn.client.api.ClusterEndedException ended) {
            throw ended;
        } catch (Exception notYet) {
            // no new attempt registered yet; the next failure asks again
        }
    }

    /** One line per checkpoint completed since the last poll; a failed query only skips this poll. */
    private void reportCheckpoints(CheckpointFigures figures) {
        try {
            JsonNode stats = rest.checkpoints(jobId.toHexString());
            String line = stats.path("enabled").asBoolean() ? figures.newlyCompleted(jobId.toHexString(), stats) : null;
            if (line != null) {
                out.println(line);
            }
        } catch (IOException e) {
            // the job may have ended since; the next status poll tells
        }
    }

    private void complete(RestClusterClient.JobSummary job) {
        if (job.status().equals(JobStatus.FINISHED.name())) {
            Map<String, Object> accumulators = JobViews.accumulators(job.details());
            out.println("Job " + jobId + " (" + job.name() + ") FINISHED in " + job.duration() + " ms"
                    + (accumulators.isEmpty() ? "" : ", accumulators " + accumulators));
            result.complete(new JobExecutionResult(jobId, job.duration(), accumulators));
        } else {
            result.completeExceptionally(new JobExecutionException(jobId, JobStatus.valueOf(job.status()),
                    "Job " + jobId + " (" + job.name() + ") " + job.status()
                            + (job.failureCause() == null ? "" : ": " + job.failureCause()), null));
        }
    }
}
