package dev.spindle.yarn.client.command;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.yarn.client.deployment.ApplicationClusterLookup;
import dev.spindle.yarn.client.deployment.ApplicationClusterLookup.ApplicationCluster;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;
import dev.spindle.yarn.client.rest.RestClusterClient;

/**
 * {@code list}, {@code info <jobId>} and {@code cancel <jobId>} against a cluster named by its
 * application id ({@code -id} or {@code yarn.application.id}): over REST while its AM runs, from
 * YARN's final report once it ended.
 */
public final class ApplicationClusterCommands {

    private static final Duration CANCEL_WAIT = Duration.ofSeconds(60);

    private final HadoopConfLocator locator;

    public ApplicationClusterCommands(HadoopConfLocator locator) {
        this.locator = locator;
    }

    /** @param running only RUNNING jobs; @param all ended jobs too (default: jobs not ended) */
    public int list(boolean running, boolean all, Configuration conf, PrintStream out, PrintStream err) {
        return withCluster("list", conf, out, err, (cluster, lookup, descriptor) -> {
            if (!cluster.reachable()) {
                out.println(cluster.describe());
                return cluster.ended() ? 0 : notYetReachable(cluster, err);
            }
            List<RestClusterClient.JobSummary> jobs = cluster.rest().listJobs();
            out.println("Application " + cluster.applicationId() + " (" + cluster.report().getName() + ") is RUNNING with "
                    + jobs.size() + " job(s):");
            for (RestClusterClient.JobSummary j : jobs) {
                boolean show = running ? j.status().equals("RUNNING") : all || !j.isTerminal();
                if (show) {
                    out.println("  " + j.id() + " : " + j.name() + " (" + j.status() + ", started "
                            + Instant.ofEpochMilli(j.startTime()) + ")");
                }
            }
            return 0;
        });
    }

    public int info(String jobId, Configuration conf, PrintStream out, PrintStream err) {
        return withCluster("info", conf, out, err, (cluster, lookup, descriptor) -> {
            if (!cluster.reachable()) {
                return answerFromReport(cluster, jobId, out, err);
            }
            RestClusterClient.JobSummary j = cluster.rest().job(jobId);
            out.println("Job " + j.id() + " : " + j.name() + " (" + j.status() + ") in application " + cluster.applicationId());
            out.println(j.details().toPrettyString());
            return 0;
        });
    }

    /** Cancels the job and, the application being a per-job or application cluster, waits a bounded time for its end. */
    public int cancel(String jobId, Configuration conf, PrintStream out, PrintStream err) {
        return withCluster("cancel", conf, out, err, (cluster, lookup, descriptor) -> {
            if (cluster.ended()) {
                err.println(cluster.describe());
                err.println("Nothing to cancel: application " + cluster.applicationId() + " already ended.");
                return 1;
            }
            if (!cluster.reachable()) {
                // No AM to ask yet (the app waits for its container): ending the application ends the job.
                descriptor.kill(cluster.applicationId());
                out.println("Application " + cluster.applicationId() + " had no running ApplicationMaster yet ("
                        + cluster.report().getYarnApplicationState() + "); killed it and removed its staging dir.");
                return 0;
            }
            cluster.rest().cancel(jobId);
            out.println("Cancellation of job " + jobId + " requested.");
            if (isSession(conf)) {
                return 0; // a session outlives its jobs
            }
            ApplicationReport end = waitForEnd(descriptor, cluster);
            if (end == null) {
                out.println("Application " + cluster.applicationId() + " is still running " + CANCEL_WAIT.toSeconds()
                        + " s after the cancellation; check it with 'spindle list -id " + cluster.applicationId() + "'.");
            } else {
                out.println(new ApplicationCluster(cluster.applicationId(), end, null).describe());
            }
            return 0;
        });
    }

    private static boolean isSession(Configuration conf) {
        return "yarn-session".equals(conf.getOptional(dev.spindle.configuration.DeploymentOptions.TARGET).orElse(null));
    }

    private static ApplicationReport waitForEnd(YarnClusterDescriptor descriptor, ApplicationCluster cluster) throws Exception {
        long deadline = System.nanoTime() + CANCEL_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            ApplicationReport r = descriptor.report(cluster.applicationId());
            YarnApplicationState s = r.getYarnApplicationState();
            if (s == YarnApplicationState.FINISHED || s == YarnApplicationState.FAILED || s == YarnApplicationState.KILLED) {
                return r;
            }
            Thread.sleep(250); // YARN reports have no change notification
        }
        return null;
    }

    private static int answerFromReport(ApplicationCluster cluster, String jobId, PrintStream out, PrintStream err) {
        out.println(cluster.describe());
        if (!cluster.ended()) {
            return notYetReachable(cluster, err);
        }
        String diagnostics = cluster.report().getDiagnostics();
        if (diagnostics == null || !diagnostics.contains(jobId)) {
            err.println("Application " + cluster.applicationId() + " ended; its final report does not mention job " + jobId + ".");
            return 1;
        }
        return 0;
    }

    private static int notYetReachable(ApplicationCluster cluster, PrintStream err) {
        err.println("The ApplicationMaster of " + cluster.applicationId() + " does not answer yet ("
                + cluster.report().getYarnApplicationState() + "); try again in a few seconds.");
        return 1;
    }

    private interface ClusterAction {
        int run(ApplicationCluster cluster, ApplicationClusterLookup lookup, YarnClusterDescriptor descriptor) throws Exception;
    }

    private int withCluster(String action, Configuration effectiveConf, PrintStream out, PrintStream err, ClusterAction body) {
        Configuration conf = new Configuration(effectiveConf);
        String appId = conf.getOptional(YarnConfigOptions.APPLICATION_ID).orElse(null);
        if (appId == null || appId.isBlank()) {
            err.println("spindle " + action + ": which application? Name it with -id <applicationId> or -D"
                    + YarnConfigOptions.APPLICATION_ID.key() + "=<applicationId>.");
            return 1;
        }
        try {
            YarnConfiguration yarnConf = YarnCommandContext.locate(locator, conf, out);
            try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(conf, yarnConf, out)) {
                ApplicationClusterLookup lookup = new ApplicationClusterLookup(descriptor);
                ApplicationCluster cluster = lookup.lookup(appId);
                try {
                    return body.run(cluster, lookup, descriptor);
                } catch (IOException e) {
                    if (!(e instanceof RestClusterClient.RestException) || isConnectionLoss(e)) {
                        // The AM went away between the report and the call: answer from the report.
                        ApplicationCluster again = lookup.refresh(cluster);
                        if (again.ended()) {
                            return body.run(again, lookup, descriptor);
                        }
                    }
                    throw e;
                }
            }
        } catch (IllegalConfigurationException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        } catch (RestClusterClient.RestException e) {
            err.println("spindle " + action + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("spindle " + action + " failed: " + e);
            return 1;
        }
    }

    private static boolean isConnectionLoss(IOException e) {
        return e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                || e.getCause() instanceof ConnectException;
    }
}
