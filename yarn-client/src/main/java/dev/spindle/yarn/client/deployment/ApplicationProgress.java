package dev.spindle.yarn.client.deployment;

import java.util.Objects;

import org.apache.hadoop.yarn.api.records.ApplicationReport;

import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.cluster.ApplicationReports;

/**
 * Prints one line whenever what the user can act on changes: YARN state, queue, tracking URL or
 * the scheduler's diagnostics. Polling the same report twice prints nothing.
 */
public final class ApplicationProgress {

    private final ProgressListener listener;
    private String last;

    public ApplicationProgress(ProgressListener listener) {
        this.listener = listener;
    }

    public void update(ApplicationReport report) {
        update(report, "");
    }

    /** Like {@link #update(ApplicationReport)}, with what else the user should know appended (e.g. queue resources). */
    public void update(ApplicationReport report, String extra) {
        String diagnostics = report.getDiagnostics() == null ? "" : report.getDiagnostics().trim();
        String line = "Application " + report.getApplicationId() + " is " + report.getYarnApplicationState()
                + (ApplicationReports.ended(report) ? " (" + report.getFinalApplicationStatus() + ")" : "")
                + " in queue " + report.getQueue()
                + (report.getTrackingUrl() == null || report.getTrackingUrl().isBlank() ? "" : ", tracking URL " + report.getTrackingUrl())
                + (diagnostics.isEmpty() ? "" : ": " + diagnostics.replace('\n', ' '))
                + (extra == null || extra.isEmpty() ? "" : " [" + extra + "]");
        if (!Objects.equals(line, last)) {
            listener.progress(line);
            last = line;
        }
    }
}
