package dev.spindle.yarn.client.deployment;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.yarn.client.cluster.ApplicationReports;
import dev.spindle.yarn.client.staging.StagingResult;

/**
 * A submitted application as the client knows it right after deployment: its id, the secret it
 * was given (the client generated it), the report at the moment it was RUNNING (or had already
 * ended), its staging dir and what was staged.
 */
public record DeployedApplication(ApplicationId applicationId, ClusterSecret secret, ApplicationReport report,
        Path stagingDir, StagingResult staging) {

    /** The REST base URL the AM registered (direct, not through the RM proxy); null while it has none. */
    public String restUrl() {
        return ApplicationReports.restUrl(report);
    }
}
