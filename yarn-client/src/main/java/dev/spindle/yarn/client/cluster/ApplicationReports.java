package dev.spindle.yarn.client.cluster;

import java.util.EnumSet;
import java.util.Set;

import dev.spindle.runtime.rest.RestServer;
import java.net.URI;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import dev.spindle.yarn.client.api.ApplicationStatus;

/** What the client reads from a YARN application report: whether it ended, the AM's REST address, its status. */
public final class ApplicationReports {

    /** The states after which a report no longer changes. */
    public static final Set<YarnApplicationState> ENDED =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    private ApplicationReports() {
    }

    /** Whether YARN reports the application ended. */
    public static boolean ended(ApplicationReport report) {
        return ENDED.contains(report.getYarnApplicationState());
    }

    /**
     * The REST base URL the AM registered (direct, not through the RM proxy); null while it has none:
     * YARN reports "N/A" (or nothing) before the AM registered and after it is gone.
     */
    public static String restUrl(ApplicationReport report) {
        String url = report.getOriginalTrackingUrl();
        if (url == null || url.isBlank() || "N/A".equals(url)) {
            return null;
        }
        URI tracking = URI.create(url);
        if (tracking.getPath() != null && tracking.getPath().startsWith(RestServer.WEB_UI_PATH) && report.getRpcPort() > 0) {
            // The tracking URL is the web UI's proxy entry point; REST (HTTPS) listens on the registered port of the same host.
            return "https://" + tracking.getHost() + ":" + report.getRpcPort();
        }
        return url;
    }

    /** The report as the client API's value. */
    public static ApplicationStatus status(ApplicationReport report) {
        String diagnostics = report.getDiagnostics() == null ? "" : report.getDiagnostics().trim();
        return new ApplicationStatus(report.getApplicationId().toString(), report.getName(),
                report.getYarnApplicationState().name(), String.valueOf(report.getFinalApplicationStatus()), diagnostics,
                report.getTrackingUrl(), ended(report));
    }
}
