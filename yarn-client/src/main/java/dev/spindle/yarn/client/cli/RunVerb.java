package dev.spindle.yarn.client.cli;

import dev.spindle.runtime.metrics.PhaseLog;

import org.apache.commons.cli.CommandLine;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.Program;
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
    int run(CommandLine cl, CliContext context) throws Exception {
        Program program = RunOptions.program(name(), cl);
        Configuration configuration = context.configuration(cl, RunOptions.flags(cl));
        DeploymentTarget target = DeploymentTarget.of(configuration).orElse(null);
        if (target == null) {
            target = ClusterFinder.namesACluster(configuration) ? DeploymentTarget.YARN_SESSION : DeploymentTarget.LOCAL;
            if (target == DeploymentTarget.LOCAL) {
                context.err().println("No target given (-t or execution.target): running locally on an in-process"
                        + " MiniCluster.");
            }
        }
        if (target.runDeploysApplication()) {
            CliContext.checkContainerMemory(configuration);
        }
        PhaseLog.markJvmStart("cli-jvm-started", "verb=" + name());
        PhaseLog.mark("cli-ready", "verb=" + name());
        try (ClusterClient client = context.client(target, configuration)) {
            return RunReport.print(client.run(program), context.out(), context.err());
        }
    }
}
