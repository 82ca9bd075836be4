package dev.spindle.yarn.client.command;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.hadoop.yarn.conf.YarnConfiguration;

import com.fasterxml.jackson.databind.JsonNode;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;
import dev.spindle.yarn.client.rest.RestClusterClient;
import dev.spindle.yarn.client.session.ClusterLocator;

/**
 * {@code list}, {@code info <jobId>} and {@code cancel <jobId>} against any Spindle cluster on YARN
 * (session, per-job, application) named by {@code -id} or the properties file. An ended
 * application is answered from YARN's final report.
 */
public final class JobCommands {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZoneId.systemDefault());

    private final HadoopConfLocator locator;

    public JobCommands(HadoopConfLocator locator) {
        this.locator = locator;
    }

    public int list(boolean runningOnly, Configuration conf, PrintStream out, PrintStream err) throws Exception {
        return withCluster("list", conf, out, err, cluster -> {
            List<RestClusterClient.JobSummary> jobs = cluster.rest().listJobs();
            List<RestClusterClient.JobSummary> running = jobs.stream().filter(j -> !j.isTerminal()).toList();
            List<RestClusterClient.JobSummary> ended = jobs.stream().filter(RestClusterClient.JobSummary::isTerminal).toList();
            long now = System.currentTimeMillis();
            section(out, "Running/Scheduled Jobs", running, now);
            if (!runningOnly) {
                section(out, "Terminated Jobs", ended, now);
            }
            return 0;
        });
    }

    public int info(String jobId, Configuration conf, PrintStream out, PrintStream err) throws Exception {
        return withCluster("info", conf, out, err, cluster -> {
            RestClusterClient.JobSummary job = cluster.rest().job(jobId);
            out.println("Job " + job.id() + " : " + job.name() + " (" + job.status() + ")");
            out.println("  started " + TIME.format(Instant.ofEpochMilli(job.startTime())) + ", running for "
                    + seconds(job.duration()) + (job.failureCause() == null ? "" : ", cause: " + job.failureCause()));
            for (JsonNode v : job.details().path("vertices")) {
                out.println("  Vertex " + v.path("name").asText() + " : parallelism " + v.path("parallelism").asInt()
                        + " (" + v.path("status").asText() + ")");
                for (JsonNode s : v.path("subtasks")) {
                    out.println("    subtask " + s.path("index").asInt() + " : " + s.path("status").asText() + " on "
                            + s.path("host").asText("-") + " (attempt " + s.path("attempt").asInt() + ", records in "
                            + s.path("recordsIn").asLong() + ", out " + s.path("recordsOut").asLong() + ")");
                }
            }
            return 0;
        });
    }

    public int cancel(String jobId, Configuration conf, PrintStream out, PrintStream err) throws Exception {
        return withCluster("cancel", conf, out, err, cluster -> {
            RestClusterClient rest = cluster.rest();
            RestClusterClient.JobSummary before = rest.job(jobId);
            if (before.isTerminal()) {
                out.println("Job " + jobId + " (" + before.name() + ") has already ended: " + before.status());
                return 0;
            }
            rest.cancel(jobId);
            out.println("Cancelled job " + jobId + " (" + before.name() + ").");
            return 0;
        });
    }

    @FunctionalInterface
    private interface ClusterAction {
        int run(ClusterLocator.LocatedCluster cluster) throws IOException;
    }

    private int withCluster(String action, Configuration conf, PrintStream out, PrintStream err, ClusterAction body)
            throws Exception {
        YarnConfiguration yarnConf = YarnCommandContext.locate(locator, conf, err);
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(conf, yarnConf, out)) {
            ClusterLocator.LocatedCluster cluster;
            try {
                cluster = new ClusterLocator(conf).locate(descriptor);
            } catch (IllegalArgumentException e) {
                err.println("spindle " + action + ": " + e.getMessage());
                return 1;
            }
            if (cluster.hasEnded()) {
                // Its REST API is gone with it; YARN still knows how it ended.
                (action.equals("list") ? out : err).println(cluster.endedDescription());
                return action.equals("list") ? 0 : 1;
            }
            try {
                return body.run(cluster);
            } catch (RestClusterClient.RestException e) {
                err.println("spindle " + action + ": " + e.getMessage());
                return 1;
            }
        }
    }

    private static void section(PrintStream out, String title, List<RestClusterClient.JobSummary> jobs, long now) {
        if (jobs.isEmpty()) {
            out.println("No " + title.toLowerCase(java.util.Locale.ROOT).replace("running/scheduled", "running or scheduled")
                    + ".");
            return;
        }
        out.println("------------------ " + title + " ------------------");
        for (RestClusterClient.JobSummary j : jobs) {
            long duration = j.isTerminal() ? j.duration() : now - j.startTime();
            out.println(TIME.format(Instant.ofEpochMilli(j.startTime())) + " : " + j.id() + " : " + j.name() + " ("
                    + j.status() + ") : " + seconds(duration));
        }
        out.println("-----------------------------------------------------------");
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", Math.max(0, millis) / 1000.0);
    }
}
