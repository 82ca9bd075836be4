package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import dev.spindle.api.JobID;
import java.util.List;

/** {@code info <jobId>} and {@code cancel <jobId>}. */
public record JobAction(String action, ClusterTarget cluster, JobID jobId, List<String> dynamicProperties)
        implements ParsedAction {

    @Override
    public void applyTo(Configuration configuration) {
        cluster.applyTo(configuration);
    }
}
