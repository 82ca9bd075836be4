package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import java.util.List;

/** {@code list}: jobs of a cluster; {@code running} only running ones, {@code all} finished ones too. */
public record ListAction(ClusterTarget cluster, boolean running, boolean all, List<String> dynamicProperties)
        implements ParsedAction {

    @Override
    public String action() {
        return "list";
    }

    @Override
    public void applyTo(Configuration configuration) {
        cluster.applyTo(configuration);
    }
}
