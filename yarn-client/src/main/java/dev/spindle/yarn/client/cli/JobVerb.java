package dev.spindle.yarn.client.cli;

import java.util.List;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import dev.spindle.configuration.Configuration;
import dev.spindle.api.JobID;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.DeploymentTarget;

/** A verb about one job of a cluster ({@code info}, {@code cancel}, {@code stop}, {@code savepoint}): {@code <jobId> [...]}. */
abstract class JobVerb extends Verb {

    private final int maxArguments;

    JobVerb(String name, String description, String arguments, int maxArguments) {
        super(name, description, arguments);
        this.maxArguments = maxArguments;
    }

    /** The verb's own options; the cluster options are added after them. */
    Options ownOptions() {
        return new Options();
    }

    @Override
    final Options options() {
        return CommonOptions.withClusterOptions(ownOptions());
    }

    @Override
    final int run(CommandLine cl, CliContext context) throws Exception {
        List<String> positional = cl.getArgList();
        CommonOptions.expectArguments(name(), positional, 1, maxArguments, arguments());
        JobID jobId = CommonOptions.jobId(positional.get(0));
        Configuration configuration = context.configuration(cl, CommonOptions.clusterFlags(cl));
        DeploymentTarget target = CommonOptions.clusterTargetOf(configuration);
        try (ClusterClient client = context.quietClient(target, configuration)) {
            return run(new Call(jobId, cl, configuration, target, client), context);
        }
    }

    /** The job, the command line and the client of the cluster the command line names. */
    record Call(JobID jobId, CommandLine commandLine, Configuration configuration, DeploymentTarget target,
            ClusterClient client) {
    }

    /** Does the verb's work on the job; returns the exit code. */
    abstract int run(Call call, CliContext context) throws Exception;
}
