package dev.spindle.yarn.client.cluster;

import java.io.IOException;
import java.util.Optional;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;
import org.apache.hadoop.yarn.exceptions.YarnException;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.tls.TransportSecurity;
import dev.spindle.yarn.client.api.ClusterNotFoundException;
import dev.spindle.yarn.client.api.SpindleClientException;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;
import dev.spindle.yarn.client.session.SessionPropertiesFile;
import dev.spindle.yarn.client.staging.ClusterSecretFile;
import dev.spindle.yarn.client.staging.StagingDirectories;

/**
 * Finds the cluster a call talks to: the application of {@code -id} / {@code yarn.application.id},
 * else (sessions only) the one the {@code .yarn-properties-<user>} file names. Its secret comes
 * from that file when it names the same application, else from the owner-only staging dir.
 */
public final class ClusterFinder {

    /** How a target's cluster may be named. */
    public enum Naming {
        /** Only by {@code -id} / {@code yarn.application.id} (per-job and application clusters). */
        BY_ID,
        /** By id, else by the {@code .yarn-properties-<user>} file (sessions). */
        BY_ID_OR_PROPERTIES_FILE
    }

    private final Configuration configuration;
    private final SessionPropertiesFile propertiesFile;

    public ClusterFinder(Configuration configuration, Naming naming) {
        this.configuration = configuration;
        this.propertiesFile = naming == Naming.BY_ID_OR_PROPERTIES_FILE ? SessionPropertiesFile.of(configuration) : null;
    }

    /** Whether {@code -id} / {@code yarn.application.id} or the properties file names a cluster. */
    public static boolean namesACluster(Configuration configuration) throws IOException {
        return configuration.getOptional(YarnConfigOptions.APPLICATION_ID).filter(s -> !s.isBlank()).isPresent()
                || SessionPropertiesFile.of(configuration).read().isPresent();
    }

    /**
     * The session the properties file records, when it is the one this call is about (no id given,
     * or the same id); asks nobody, so it loads nothing of YARN.
     */
    public Optional<SessionPropertiesFile.Entry> recordedSession() throws IOException {
        if (propertiesFile == null) {
            return Optional.empty();
        }
        Optional<String> configured = configuration.getOptional(YarnConfigOptions.APPLICATION_ID).map(String::trim)
                .filter(s -> !s.isEmpty());
        return propertiesFile.read().filter(e -> configured.isEmpty() || configured.get().equals(e.id()));
    }

    /** Finds the cluster and YARN's current report of it. */
    public FoundCluster find(YarnClusterDescriptor descriptor) throws SpindleClientException {
        try {
            Optional<SessionPropertiesFile.Entry> entry = propertiesFile == null ? Optional.empty() : propertiesFile.read();
            Optional<String> configured = configuration.getOptional(YarnConfigOptions.APPLICATION_ID)
                    .filter(s -> !s.isBlank());
            ApplicationId appId = configured.isPresent() ? parse(configured.get())
                    : entry.map(SessionPropertiesFile.Entry::applicationId).orElseThrow(this::noneNamed);
            ApplicationReport report;
            try {
                report = descriptor.report(appId);
            } catch (ApplicationNotFoundException e) {
                throw new ClusterNotFoundException("YARN does not know application " + appId + (configured.isPresent()
                        ? " (it may have ended before the ResourceManager restarted, or the id is mistyped)"
                        : " (named by " + propertiesFile.path() + "; delete that file if the session is long gone)") + ".");
            }
            Path stagingDir = StagingDirectories.forApplication(descriptor.stagingRoot(), appId);
            if (ApplicationReports.ended(report)) {
                return new FoundCluster(appId, report, null, stagingDir);
            }
            boolean fromFile = entry.isPresent() && entry.get().id().equals(appId.toString());
            ClusterSecret secret = (fromFile ? entry.get().secret() : secretFromStaging(descriptor, appId, stagingDir))
                    .withTransport(TransportSecurity.from(configuration));
            return new FoundCluster(appId, report, secret, stagingDir);
        } catch (IOException | YarnException e) {
            throw new SpindleClientException("Cannot ask YARN for the cluster: " + RootCause.message(e), e);
        }
    }

    private ClusterNotFoundException noneNamed() {
        String key = YarnConfigOptions.APPLICATION_ID.key();
        return new ClusterNotFoundException(propertiesFile == null
                ? "which application? Name it with -id <applicationId> or -D" + key + "=<applicationId>."
                : "No cluster given: pass -id <appId> (or -D" + key + "=<appId>), or start a session with"
                        + " 'yarn-session.sh -d', which writes " + propertiesFile.path() + ".");
    }

    private static ApplicationId parse(String id) throws ClusterNotFoundException {
        try {
            return ApplicationId.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw new ClusterNotFoundException("'" + id + "' (" + YarnConfigOptions.APPLICATION_ID.key()
                    + ") is not a YARN application id; it looks like application_1700000000000_0001.");
        }
    }

    private static ClusterSecret secretFromStaging(YarnClusterDescriptor descriptor, ApplicationId appId, Path stagingDir)
            throws IOException, ClusterNotFoundException {
        ClusterSecret secret;
        try {
            secret = ClusterSecretFile.read(descriptor.fileSystem(), stagingDir);
        } catch (AccessControlException e) {
            secret = null;
        }
        if (secret == null) {
            throw new ClusterNotFoundException("Cannot use application " + appId + ": its secret is not readable at "
                    + ClusterSecretFile.in(stagingDir) + " (only the user who started it may use it, from a client with"
                    + " the same " + YarnConfigOptions.STAGING_DIRECTORY.key() + ").");
        }
        return secret;
    }
}
