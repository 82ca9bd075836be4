package dev.spindle.yarn.client.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.spindle.yarn.client.api.JobDetails;
import dev.spindle.yarn.client.api.JobListing;
import dev.spindle.yarn.client.api.JobSummary;

/** How {@code list} and {@code info} show jobs: one format whatever the target. */
final class JobFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private JobFormat() {
    }

    /** The application's head line, then its running and (unless {@code runningOnly}) its ended jobs. */
    static void listing(JobListing listing, boolean runningOnly, long now, PrintStream out) {
        List<JobSummary> jobs = listing.jobs();
        out.println(ApplicationFormat.head(listing.application()) + " with " + jobs.size() + " job(s):");
        section("Running/Scheduled Jobs", jobs.stream().filter(j -> !j.ended()).toList(), now, out);
        if (!runningOnly) {
            section("Terminated Jobs", jobs.stream().filter(JobSummary::ended).toList(), now, out);
        }
    }

    private static void section(String title, List<JobSummary> jobs, long now, PrintStream out) {
        if (jobs.isEmpty()) {
            out.println("No " + title.toLowerCase(Locale.ROOT).replace("running/scheduled", "running or scheduled") + ".");
            return;
        }
        out.println("------------------ " + title + " ------------------");
        for (JobSummary j : jobs) {
            long duration = j.ended() ? j.duration() : now - j.startTime();
            out.println(TIME.format(Instant.ofEpochMilli(j.startTime())) + " : " + j.id() + " : " + j.name() + " ("
                    + j.status() + ") : " + seconds(duration));
        }
        out.println("-----------------------------------------------------------");
    }

    /** A job with its vertices and subtasks. */
    static void details(JobDetails details, PrintStream out) {
        JobSummary job = details.summary();
        out.println("Job " + job.id() + " : " + job.name() + " (" + job.status() + ") in application "
                + details.applicationId());
        out.println("  started " + TIME.format(Instant.ofEpochMilli(job.startTime())) + ", running for "
                + seconds(job.duration()) + (job.failureCause() == null ? "" : ", cause: " + job.failureCause()));
        for (JobDetails.Vertex v : details.vertices()) {
            out.println("  Vertex " + v.name() + " : parallelism " + v.parallelism() + " (" + v.status() + ")");
            for (JobDetails.Subtask s : v.subtasks()) {
                out.println("    subtask " + s.index() + " : " + s.status() + " on " + s.host() + " (attempt "
                        + s.attempt() + ", records in " + s.recordsIn() + ", out " + s.recordsOut() + ")");
            }
        }
        figures(details.vertices(), out);
    }

    /** The per-vertex figures as a table: throughput and where the time goes (busy, backpressured). */
    static void figures(java.util.List<JobDetails.Vertex> vertices, PrintStream out) {
        int width = Math.max(6, vertices.stream().mapToInt(v -> v.name().length()).max().orElse(6));
        String format = "  %-" + width + "s %4s %12s %12s %10s %10s %6s %8s%n";
        out.printf(format, "Vertex", "Par", "Records in", "Records out", "In/s", "Out/s", "Busy", "Backpr.");
        for (JobDetails.Vertex v : vertices) {
            JobDetails.Figures f = v.figures();
            if (f == null) {
                out.printf(format, v.name(), v.parallelism(), "-", "-", "-", "-", "-", "-");
            } else {
                out.printf(format, v.name(), v.parallelism(), f.recordsIn(), f.recordsOut(), String.format(java.util.Locale.ROOT, "%.1f", f.recordsInPerSecond()),
                        String.format(java.util.Locale.ROOT, "%.1f", f.recordsOutPerSecond()), Math.round(f.busyRatio() * 100) + " %",
                        Math.round(f.backpressuredRatio() * 100) + " %");
            }
        }
    }

    /** The checkpoint figures of a running job, under its vertices. */
    static void checkpoints(dev.spindle.yarn.client.api.CheckpointStats c, PrintStream out) {
        if (!c.enabled()) {
            out.println("  Checkpoints: off (set execution.checkpointing.interval)");
            return;
        }
        out.println("  Checkpoints: " + c.completed() + " completed, " + c.failed() + " failed (tolerable "
                + c.tolerableFailures() + "), " + c.inProgress() + " in progress, " + c.triggered() + " triggered");
        if (c.latest() != null) {
            out.println("    latest: " + dev.spindle.yarn.client.cluster.CheckpointFigures.completedLine(c.latest()) + ", at "
                    + c.latest().path());
        }
        for (String r : c.retained()) {
            out.println("    retained: " + r);
        }
    }

    /** The line of an ended job in a run's outcome: its duration and accumulators, or why it failed. */
    static String outcome(JobSummary j) {
        if (j.status().equals("FINISHED")) {
            return "Job " + j.id() + " (" + j.name() + ") FINISHED in " + j.duration() + " ms"
                    + (j.accumulators().isEmpty() ? "" : ", accumulators " + j.accumulators());
        }
        return j.failureCause() == null ? null : "Job " + j.id() + " (" + j.name() + ") " + j.status() + ": " + j.failureCause();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", Math.max(0, millis) / 1000.0);
    }
}
