package dev.spindle.yarn.client.cluster;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.yarn.client.api.ApplicationStatus;
import dev.spindle.yarn.client.api.ClusterNotReadyException;
import dev.spindle.yarn.client.rest.RestClusterClient;

/**
 * A cluster as {@link ClusterFinder} found it: its id, YARN's report at that moment, its secret
 * (null once it ended) and staging dir.
 */
public record FoundCluster(ApplicationId applicationId, ApplicationReport report, ClusterSecret secret, Path stagingDir) {

    public boolean ended() {
        return ApplicationReports.ended(report);
    }

    public ApplicationStatus status() {
        return ApplicationReports.status(report);
    }

    /** Whether the AM's REST API can be asked: it runs, registered an address, and the secret is known. */
    public boolean reachable() {
        return report.getYarnApplicationState() == YarnApplicationState.RUNNING && ApplicationReports.restUrl(report) != null
                && secret != null;
    }

    /** The AM's REST API; throws when it cannot be asked (yet), see {@link #reachable()}. */
    public RestClusterClient rest() throws ClusterNotReadyException {
        if (!reachable()) {
            throw new ClusterNotReadyException(status());
        }
        return new RestClusterClient(ApplicationReports.restUrl(report), secret);
    }

    /** The same cluster with a newer report. */
    public FoundCluster withReport(ApplicationReport newer) {
        return new FoundCluster(applicationId, newer, ApplicationReports.ended(newer) ? null : secret, stagingDir);
    }
}
