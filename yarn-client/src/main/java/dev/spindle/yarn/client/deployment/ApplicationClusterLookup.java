package dev.spindle.yarn.client.deployment;

import java.io.IOException;
import java.util.EnumSet;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;
import org.apache.hadoop.yarn.exceptions.YarnException;

import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.tls.TransportSecurity;
import dev.spindle.yarn.client.rest.RestClusterClient;
import dev.spindle.yarn.client.staging.ClusterSecretFile;
import dev.spindle.yarn.client.staging.StagingDirectories;

/**
 * Finds a Spindle cluster by YARN application id: while its AM runs, a REST client with the
 * application's secret (read from the owner-only staging dir); once it ended, YARN's final report,
 * so that callers answer from it instead of failing with a connection error.
 */
public final class ApplicationClusterLookup {

    private static final EnumSet<YarnApplicationState> ENDED =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    private final YarnClusterDescriptor descriptor;

    public ApplicationClusterLookup(YarnClusterDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    /** What is known of one application right now. */
    public record ApplicationCluster(ApplicationId applicationId, ApplicationReport report, RestClusterClient rest) {

        /** Whether YARN reports the application ended (its report is final). */
        public boolean ended() {
            return ENDED.contains(report.getYarnApplicationState());
        }

        /** Whether the AM's REST API can be asked (it runs and its secret was found). */
        public boolean reachable() {
            return rest != null;
        }

        /** One line on the application's state for users: state, final status, diagnostics. */
        public String describe() {
            String diagnostics = report.getDiagnostics() == null ? "" : report.getDiagnostics().trim();
            return "Application " + applicationId + " (" + report.getName() + ") is " + report.getYarnApplicationState()
                    + (ended() ? ", final status " + report.getFinalApplicationStatus() : "")
                    + (diagnostics.isEmpty() ? "" : ": " + diagnostics);
        }
    }

    /**
     * @throws IllegalArgumentException when the id is malformed or YARN does not know the application
     */
    public ApplicationCluster lookup(String applicationId) throws IOException, YarnException {
        ApplicationId appId;
        try {
            appId = ApplicationId.fromString(applicationId.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + applicationId + "' is not a YARN application id (expected application_<clusterTimestamp>_<number>).");
        }
        ApplicationReport report;
        try {
            report = descriptor.report(appId);
        } catch (ApplicationNotFoundException e) {
            throw new IllegalArgumentException("YARN does not know application " + appId
                    + " (it may have ended before the ResourceManager restarted, or the id is mistyped).");
        }
        if (report.getYarnApplicationState() != YarnApplicationState.RUNNING) {
            return new ApplicationCluster(appId, report, null);
        }
        String url = report.getOriginalTrackingUrl();
        ClusterSecret secret = ClusterSecretFile.read(descriptor.fileSystem(),
                StagingDirectories.forApplication(descriptor.stagingRoot(), appId));
        if (url == null || url.isBlank() || url.equals("N/A") || secret == null) {
            // Between the AM's start and its registration, or at its very end: YARN's report is all there is.
            return new ApplicationCluster(appId, descriptor.report(appId), null);
        }
        return new ApplicationCluster(appId, report,
                new RestClusterClient(url, secret.withTransport(TransportSecurity.from(descriptor.configuration()))));
    }

    /** After a REST call failed: the application's fresh report, to tell an ended AM from a broken one. */
    public ApplicationCluster refresh(ApplicationCluster cluster) throws IOException, YarnException {
        return new ApplicationCluster(cluster.applicationId(), descriptor.report(cluster.applicationId()), null);
    }
}
