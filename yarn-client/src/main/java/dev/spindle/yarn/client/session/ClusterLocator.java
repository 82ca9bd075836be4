package dev.spindle.yarn.client.session;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Optional;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;
import org.apache.hadoop.yarn.exceptions.YarnException;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.tls.TransportSecurity;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;
import dev.spindle.yarn.client.rest.RestClusterClient;
import dev.spindle.yarn.client.staging.ClusterSecretFile;
import dev.spindle.yarn.client.staging.StagingDirectories;

/**
 * Finds the running cluster an action talks to: the application from {@code -id} /
 * {@code yarn.application.id}, else the one the {@code .yarn-properties-<user>} file names; its
 * secret from that file when it names the same application, else from the owner-only staging dir.
 */
public final class ClusterLocator {

    private static final EnumSet<YarnApplicationState> ENDED =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    /** A cluster as found: its id, YARN's current report and (while it runs) its secret. */
    public record LocatedCluster(ApplicationId applicationId, ApplicationReport report, ClusterSecret secret,
            Path stagingDir, boolean fromPropertiesFile) {

        public boolean hasEnded() {
            return ENDED.contains(report.getYarnApplicationState());
        }

        /** The REST base URL the AM registered (direct, not through the RM proxy); null if it has none yet. */
        public String restUrl() {
            String url = report.getOriginalTrackingUrl();
            return url == null || url.isBlank() || "N/A".equals(url) ? null : url;
        }

        public RestClusterClient rest() {
            String url = restUrl();
            if (url == null) {
                throw new IllegalStateException("Application " + applicationId + " is " + report.getYarnApplicationState()
                        + " and has no REST address yet; try again when it is RUNNING.");
            }
            return new RestClusterClient(url, secret);
        }

        /** YARN's final word on an ended application, for users who asked a question of it. */
        public String endedDescription() {
            String diagnostics = report.getDiagnostics() == null ? "" : report.getDiagnostics().trim();
            return "Application " + applicationId + " has ended: " + report.getYarnApplicationState() + ", final status "
                    + report.getFinalApplicationStatus() + (diagnostics.isEmpty() ? "." : " (" + diagnostics + ").");
        }
    }

    private final Configuration configuration;
    private final SessionPropertiesFile propertiesFile;

    public ClusterLocator(Configuration configuration) {
        this.configuration = configuration;
        this.propertiesFile = SessionPropertiesFile.of(configuration);
    }

    public SessionPropertiesFile propertiesFile() {
        return propertiesFile;
    }

    /** Whether {@code -id} / {@code yarn.application.id} or a properties file names a cluster. */
    public boolean namesACluster() throws IOException {
        return configuration.getOptional(YarnConfigOptions.APPLICATION_ID).isPresent() || propertiesFile.read().isPresent();
    }

    /** Finds the cluster; throws {@link IllegalArgumentException} with a message saying how to name one. */
    public LocatedCluster locate(YarnClusterDescriptor descriptor) throws IOException, YarnException {
        Optional<SessionPropertiesFile.Entry> entry = propertiesFile.read();
        Optional<String> configured = configuration.getOptional(YarnConfigOptions.APPLICATION_ID);
        ApplicationId appId;
        if (configured.isPresent()) {
            try {
                appId = ApplicationId.fromString(configured.get().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + configured.get() + "' (" + YarnConfigOptions.APPLICATION_ID.key()
                        + ") is not a YARN application id; it looks like application_1700000000000_0001.");
            }
        } else if (entry.isPresent()) {
            appId = entry.get().applicationId();
        } else {
            throw new IllegalArgumentException("No cluster given: pass -id <appId> (or -D" + YarnConfigOptions.APPLICATION_ID.key()
                    + "=<appId>), or start a session with 'yarn-session.sh -d', which writes " + propertiesFile.path() + ".");
        }
        ApplicationReport report;
        try {
            report = descriptor.report(appId);
        } catch (ApplicationNotFoundException e) {
            throw new IllegalArgumentException("YARN does not know application " + appId + (configured.isPresent() ? ""
                    : " (named by " + propertiesFile.path() + "; delete that file if the session is long gone)") + ".");
        }
        Path stagingDir = StagingDirectories.forApplication(descriptor.stagingRoot(), appId);
        boolean fromFile = entry.isPresent() && entry.get().applicationId().equals(appId);
        if (ENDED.contains(report.getYarnApplicationState())) {
            return new LocatedCluster(appId, report, null, stagingDir, fromFile);
        }
        ClusterSecret secret = (fromFile ? entry.get().secret() : secretFromStaging(descriptor, appId, stagingDir))
                .withTransport(TransportSecurity.from(configuration));
        return new LocatedCluster(appId, report, secret, stagingDir, fromFile);
    }

    private static ClusterSecret secretFromStaging(YarnClusterDescriptor descriptor, ApplicationId appId, Path stagingDir)
            throws IOException {
        ClusterSecret secret;
        try {
            secret = ClusterSecretFile.read(descriptor.fileSystem(), stagingDir);
        } catch (AccessControlException e) {
            secret = null;
        }
        if (secret == null) {
            throw new IllegalArgumentException("Cannot use application " + appId + ": its secret is not readable at "
                    + ClusterSecretFile.in(stagingDir) + " (only the user who started it may use it, from a client with"
                    + " the same " + YarnConfigOptions.STAGING_DIRECTORY.key() + ").");
        }
        return secret;
    }
}
