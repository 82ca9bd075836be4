package dev.spindle.yarn.client.cli;

import java.io.PrintStream;

import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.yarn.client.api.CancelResult;
import dev.spindle.yarn.client.api.ClusterEndedException;
import dev.spindle.yarn.client.api.DeploymentTarget;

/** {@code spindle cancel <jobId>}: cancels a job; a per-job or application cluster is followed to its end. */
final class CancelVerb extends JobVerb {

    CancelVerb() {
        super("cancel", "Cancel a running job.", "<jobId>", 1);
    }

    @Override
    int run(Call call, CliContext context) throws Exception {
        PrintStream out = context.out();
        CancelResult result;
        try {
            result = call.client().cancel(call.jobId());
        } catch (ClusterEndedException e) {
            ApplicationFormat.ended(e.application(), context.err());
            context.err().println(e.getMessage());
            return 1;
        }
        switch (result.outcome()) {
            case ALREADY_ENDED -> out.println("Job " + call.jobId() + " (" + result.job().name() + ") has already ended: "
                    + result.job().status());
            case APPLICATION_KILLED -> out.println("The application had no running ApplicationMaster yet; killed it"
                    + " and removed its staging dir.");
            case REQUESTED -> {
                out.println("Cancellation of job " + call.jobId() + " requested.");
                if (result.retainedCheckpoint() != null) {
                    out.println("Its latest checkpoint is retained (RETAIN_ON_CANCELLATION) at " + result.retainedCheckpoint()
                            + "; resume with 'spindle run -s " + result.retainedCheckpoint() + " ...'.");
                }
                if (result.applicationEnd() != null) {
                    ApplicationFormat.ended(result.applicationEnd(), out);
                } else if (call.target() != DeploymentTarget.YARN_SESSION) {
                    String id = call.configuration().get(YarnConfigOptions.APPLICATION_ID);
                    out.println("Application " + id + " is still running 60 s after the cancellation; check it with"
                            + " 'spindle list -t " + call.target() + " -id " + id + "'.");
                }
            }
        }
        return 0;
    }
}
