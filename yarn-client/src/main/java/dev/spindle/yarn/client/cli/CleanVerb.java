package dev.spindle.yarn.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.StagingCleanup;

/** {@code spindle clean}: removes the staging dirs of applications YARN reports as ended. */
final class CleanVerb implements Verb {

    @Override
    public String name() {
        return "clean";
    }

    @Override
    public String description() {
        return "Remove staging dirs of applications that YARN reports as ended.";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public Options options() {
        return new Options().addOption(CommonOptions.dynamicProperty()).addOption(CommonOptions.help());
    }

    @Override
    public int run(CommandLine cl, CliContext context) throws Exception {
        CommonOptions.expectArguments(name(), cl.getArgList(), 0, 0, "no arguments");
        Configuration configuration = context.configuration(cl, c -> { });
        try (ClusterClient client = context.client(CommonOptions.clusterTargetOf(configuration), configuration)) {
            StagingCleanup cleanup = client.removeEndedStagingDirs();
            cleanup.removed().forEach(dir -> context.out().println("Removed " + dir));
            context.out().println(cleanup.removed().isEmpty()
                    ? "No staging dirs of ended applications under " + cleanup.stagingRoot()
                    : "Removed " + cleanup.removed().size() + " staging dir(s) of ended applications.");
            return 0;
        }
    }
}
