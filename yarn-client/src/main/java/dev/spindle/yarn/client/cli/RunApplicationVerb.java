package dev.spindle.yarn.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.Program;

/** {@code spindle run-application}: deploys an application cluster on YARN whose AM runs the program's main(). */
final class RunApplicationVerb implements Verb {

    @Override
    public String name() {
        return "run-application";
    }

    @Override
    public String description() {
        return "Run a program in application mode: main() runs in a YARN ApplicationMaster.";
    }

    @Override
    public String arguments() {
        return "<jar-file> [program arguments]";
    }

    @Override
    public Options options() {
        return RunOptions.options();
    }

    @Override
    public boolean stopAtFirstArgument() {
        return true;
    }

    @Override
    public int run(CommandLine cl, CliContext context) throws Exception {
        Program program = RunOptions.program(name(), cl);
        DeploymentTarget given = CommonOptions.target(cl);
        if (given != null && given != DeploymentTarget.YARN_APPLICATION) {
            throw new CliArgumentException("spindle run-application only supports -t yarn-application; use"
                    + " 'spindle run -t " + given + "' instead.");
        }
        Configuration configuration = context.configuration(cl,
                RunOptions.flags(cl).andThen(DeploymentTarget.YARN_APPLICATION::applyTo));
        CliContext.checkContainerMemory(configuration);
        try (ClusterClient client = context.client(DeploymentTarget.YARN_APPLICATION, configuration)) {
            return RunReport.print(client.run(program), context.out(), context.err());
        }
    }
}
