package dev.spindle.yarn.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.JobDetails;

/** {@code spindle info <jobId>}: a job's vertices, parallelism and subtask states. */
final class InfoVerb implements Verb {

    @Override
    public String name() {
        return "info";
    }

    @Override
    public String description() {
        return "Show a job's vertices, parallelism and subtask states.";
    }

    @Override
    public String arguments() {
        return "<jobId>";
    }

    @Override
    public Options options() {
        return CommonOptions.withClusterOptions(new Options());
    }

    @Override
    public int run(CommandLine cl, CliContext context) throws Exception {
        CommonOptions.expectArguments(name(), cl.getArgList(), 1, 1, arguments());
        var jobId = CommonOptions.jobId(cl.getArgList().get(0));
        Configuration configuration = context.configuration(cl, CommonOptions.clusterFlags(cl));
        try (ClusterClient client = context.quietClient(CommonOptions.clusterTargetOf(configuration), configuration)) {
            JobDetails details = client.jobDetails(jobId);
            if (details.summary() == null) {
                // The application ended: YARN's final report, which mentions the job, is all there is.
                ApplicationFormat.ended(client.status(), context.out());
            } else {
                JobFormat.details(details, context.out());
            }
            return 0;
        }
    }
}
