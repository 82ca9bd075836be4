package dev.spindle.yarn.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.JobListing;

/** {@code spindle list [-r|-a]}: the jobs of a cluster; an ended one is answered from YARN's final report. */
final class ListVerb extends Verb {

    ListVerb() {
        super("list", "List the jobs of a cluster.", "");
    }

    @Override
    Options options() {
        return CommonOptions.withClusterOptions(new Options()
                .addOption(Option.builder("r").longOpt("running").desc("Show only running jobs.").build())
                .addOption(Option.builder("a").longOpt("all").desc("Show running and finished jobs (default).").build()));
    }

    @Override
    int run(CommandLine cl, CliContext context) throws Exception {
        CommonOptions.expectArguments(name(), cl.getArgList(), 0, 0, "no arguments");
        if (cl.hasOption("r") && cl.hasOption("a")) {
            throw new CliArgumentException("spindle list: use either -r/--running or -a/--all, not both.");
        }
        Configuration configuration = context.configuration(cl, CommonOptions.clusterFlags(cl));
        try (ClusterClient client = context.quietClient(CommonOptions.clusterTargetOf(configuration), configuration)) {
            JobListing listing = client.listJobs();
            if (listing.application().ended()) {
                ApplicationFormat.ended(listing.application(), context.out());
            } else {
                JobFormat.listing(listing, cl.hasOption("r"), System.currentTimeMillis(), context.out());
            }
            return 0;
        }
    }
}
