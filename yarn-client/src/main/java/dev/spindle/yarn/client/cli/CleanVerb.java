package dev.spindle.yarn.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.StagingCleanup;

/** {@code spindle clean}: removes the staging dirs of applications YARN reports as ended. */
final class CleanVerb extends Verb {

    CleanVerb() {
        super("clean", "Remove staging dirs of applications that YARN reports as ended.", "");
    }

    @Override
    Options options() {
        return CommonOptions.basicOptions();
    }

    @Override
    int run(CommandLine cl, CliContext context) throws Exception {
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
