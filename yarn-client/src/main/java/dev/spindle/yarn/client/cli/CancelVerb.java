package dev.spindle.yarn.client.cli;

import java.io.PrintStream;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.yarn.client.api.CancelResult;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.ClusterEndedException;
import dev.spindle.yarn.client.api.DeploymentTarget;

/** {@code spindle cancel <jobId>}: cancels a job; a per-job or application cluster is followed to its end. */
final class CancelVerb implements Verb {

    @Override
    public String name() {
        return "cancel";
    }

    @Override
    public String description() {
        return "Cancel a running job.";
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
        DeploymentTarget target = CommonOptions.clusterTargetOf(configuration);
        PrintStream out = context.out();
        try (ClusterClient client = context.quietClient(target, configuration)) {
            CancelResult result = client.cancel(jobId);
            switch (result.outcome()) {
                case ALREADY_ENDED -> out.println("Job " + jobId + " (" + result.job().name() + ") has already ended: "
                        + result.job().status());
                case APPLICATION_KILLED -> out.println("The application had no running ApplicationMaster yet; killed it"
                        + " and removed its staging dir.");
                case REQUESTED -> {
                    out.println("Cancellation of job " + jobId + " requested.");
                    if (result.applicationEnd() != null) {
                        ApplicationFormat.ended(result.applicationEnd(), out);
                    } else if (target != DeploymentTarget.YARN_SESSION) {
                        String id = configuration.get(YarnConfigOptions.APPLICATION_ID);
                        out.println("Application " + id + " is still running 60 s after the cancellation; check it with"
                                + " 'spindle list -t " + target + " -id " + id + "'.");
                    }
                }
            }
            return 0;
        } catch (ClusterEndedException e) {
            ApplicationFormat.ended(e.application(), context.err());
            context.err().println(e.getMessage());
            return 1;
        }
    }
}
