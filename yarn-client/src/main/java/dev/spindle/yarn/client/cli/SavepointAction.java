package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import dev.spindle.api.JobID;
import java.util.List;

/** {@code savepoint <jobId> [targetDirectory]}: trigger a savepoint of a running job. */
public record SavepointAction(ClusterTarget cluster, JobID jobId, String targetDirectory,
        List<String> dynamicProperties) implements ParsedAction {

    @Override
    public String action() {
        return "savepoint";
    }

    @Override
    public void applyTo(Configuration configuration) {
        cluster.applyTo(configuration);
    }
}
