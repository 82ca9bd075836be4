package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.cluster.ClusterFinder;

/**
 * {@code spindle run}: main() runs here, its jobs go to the target: an in-process MiniCluster, a
 * per-job application, or a session. Without a target, a session named by {@code -id} or the
 * properties file wins, as Flink users expect; else the program runs locally.
 */
final class RunVerb extends ProgramVerb {

    RunVerb() {
        super("run", "Run a program: main() runs here, jobs go to the target cluster.");
    }

    @Override
    DeploymentTarget target(Configuration configuration, CliContext context) throws Exception {
        DeploymentTarget target = DeploymentTarget.of(configuration).orElse(null);
        if (target != null) {
            return target;
        }
        if (ClusterFinder.namesACluster(configuration)) {
            return DeploymentTarget.YARN_SESSION;
        }
        context.err().println("No target given (-t or execution.target): running locally on an in-process MiniCluster.");
        return DeploymentTarget.LOCAL;
    }
}
