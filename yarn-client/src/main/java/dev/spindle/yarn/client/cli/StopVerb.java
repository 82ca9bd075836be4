package dev.spindle.yarn.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.api.ClusterClient;

/** {@code spindle stop <jobId> [-p savepointPath] [-d]}: stops a job with a final savepoint. */
final class StopVerb implements Verb {

    @Override
    public String name() {
        return "stop";
    }

    @Override
    public String description() {
        return "Stop a job with a final savepoint.";
    }

    @Override
    public String arguments() {
        return "<jobId>";
    }

    @Override
    public Options options() {
        return CommonOptions.withClusterOptions(new Options()
                .addOption(Option.builder("p").longOpt("savepointPath").hasArg().argName("savepointPath")
                        .desc("Directory for the final savepoint (default: state.savepoints.dir).").build())
                .addOption(Option.builder("d").longOpt("drain")
                        .desc("Let sources end and drain the pipeline before stopping.").build()));
    }

    @Override
    public int run(CommandLine cl, CliContext context) throws Exception {
        CommonOptions.expectArguments(name(), cl.getArgList(), 1, 1, arguments());
        var jobId = CommonOptions.jobId(cl.getArgList().get(0));
        Configuration configuration = context.configuration(cl, CommonOptions.clusterFlags(cl));
        try (ClusterClient client = context.quietClient(CommonOptions.clusterTargetOf(configuration), configuration)) {
            String savepoint = client.stopWithSavepoint(jobId, cl.getOptionValue("p"), cl.hasOption("d"));
            context.out().println("Job " + jobId + " stopped with savepoint " + savepoint);
            return 0;
        }
    }
}
