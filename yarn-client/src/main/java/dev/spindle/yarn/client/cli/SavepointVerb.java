package dev.spindle.yarn.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.api.ClusterClient;

/** {@code spindle savepoint <jobId> [targetDirectory]}: triggers a savepoint of a running job. */
final class SavepointVerb implements Verb {

    @Override
    public String name() {
        return "savepoint";
    }

    @Override
    public String description() {
        return "Trigger a savepoint of a running job.";
    }

    @Override
    public String arguments() {
        return "<jobId> [targetDirectory]";
    }

    @Override
    public Options options() {
        return CommonOptions.withClusterOptions(new Options());
    }

    @Override
    public int run(CommandLine cl, CliContext context) throws Exception {
        CommonOptions.expectArguments(name(), cl.getArgList(), 1, 2, arguments());
        var jobId = CommonOptions.jobId(cl.getArgList().get(0));
        String directory = cl.getArgList().size() > 1 ? cl.getArgList().get(1) : null;
        Configuration configuration = context.configuration(cl, CommonOptions.clusterFlags(cl));
        try (ClusterClient client = context.quietClient(CommonOptions.clusterTargetOf(configuration), configuration)) {
            context.out().println("Savepoint of job " + jobId + " written to " + client.triggerSavepoint(jobId, directory));
            return 0;
        }
    }
}
