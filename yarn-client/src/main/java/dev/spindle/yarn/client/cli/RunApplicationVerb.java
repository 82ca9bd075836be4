package dev.spindle.yarn.client.cli;

import dev.spindle.runtime.metrics.PhaseLog;

import org.apache.commons.cli.CommandLine;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.Program;

/**
 * {@code spindle run-application}: deploys an application cluster on YARN whose AM runs the
 * program's main(), through the target's client ({@link dev.spindle.yarn.client.application.ApplicationClusterClient}).
 */
final class RunApplicationVerb extends ProgramVerb {

    private static final DeploymentTarget TARGET = DeploymentTarget.YARN_APPLICATION;

    RunApplicationVerb() {
        super("run-application", "Run a program in application mode: main() runs in a YARN ApplicationMaster.");
    }

    @Override
    int run(CommandLine cl, CliContext context) throws Exception {
        Program program = RunOptions.program(name(), cl);
        DeploymentTarget given = CommonOptions.target(cl);
        if (given != null && given != TARGET) {
            throw new CliArgumentException("spindle " + name() + " only supports -t " + TARGET + "; use 'spindle run -t "
                    + given + "' instead.");
        }
        Configuration configuration = context.configuration(cl, RunOptions.flags(cl).andThen(TARGET::applyTo));
        CliContext.checkContainerMemory(configuration);
        PhaseLog.markJvmStart("cli-jvm-started", "verb=" + name());
        PhaseLog.mark("cli-ready", "verb=" + name());
        try (ClusterClient client = context.client(TARGET, configuration)) {
            return RunReport.print(client.run(program), context.out(), context.err());
        }
    }
}
