package dev.spindle.yarn.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.Program;

/** A verb that runs a program ({@code run}, {@code run-application}): {@code <jar-file> [program arguments]}. */
abstract class ProgramVerb extends Verb {

    ProgramVerb(String name, String description) {
        super(name, description, "<jar-file> [program arguments]");
    }

    @Override
    final Options options() {
        return RunOptions.options();
    }

    @Override
    final boolean stopAtFirstArgument() {
        return true;
    }

    @Override
    final int run(CommandLine cl, CliContext context) throws Exception {
        Program program = RunOptions.program(name(), cl);
        DeploymentTarget given = CommonOptions.target(cl);
        checkTarget(given);
        Configuration configuration = context.configuration(cl, RunOptions.flags(cl));
        DeploymentTarget target = target(configuration, context);
        target.applyTo(configuration);
        if (target.runDeploysApplication()) {
            CliContext.checkContainerMemory(configuration);
        }
        try (ClusterClient client = context.client(target, configuration)) {
            return RunReport.print(client.run(program), context.out(), context.err());
        }
    }

    /** Refuses a {@code -t} the verb cannot run on. */
    void checkTarget(DeploymentTarget given) throws CliArgumentException {
    }

    /** Where the program runs, given the effective configuration. */
    abstract DeploymentTarget target(Configuration configuration, CliContext context) throws Exception;
}
