package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import dev.spindle.api.JobID;
import java.util.List;

/** {@code stop <jobId> [-p savepointPath] [-d]}: stop a job with a final savepoint. */
public record StopAction(ClusterTarget cluster, JobID jobId, String savepointPath, boolean drain,
        List<String> dynamicProperties) implements ParsedAction {

    @Override
    public String action() {
        return "stop";
    }

    @Override
    public void applyTo(Configuration configuration) {
        cluster.applyTo(configuration);
    }
}
