package dev.spindle.yarn.client.cli;

import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code spindle stop <jobId> [-p savepointPath] [-d]}: stops a job with a final savepoint. */
final class StopVerb extends JobVerb {

    StopVerb() {
        super("stop", "Stop a job with a final savepoint.", "<jobId>", 1);
    }

    @Override
    Options ownOptions() {
        return new Options()
                .addOption(Option.builder("p").longOpt("savepointPath").hasArg().argName("savepointPath")
                        .desc("Directory for the final savepoint (default: state.savepoints.dir).").build())
                .addOption(Option.builder("d").longOpt("drain")
                        .desc("Drain the pipeline before stopping: not supported, refused (stop takes a final savepoint, then cancels).")
                        .build());
    }

    @Override
    int run(Call call, CliContext context) throws Exception {
        String savepoint = call.client().stopWithSavepoint(call.jobId(), call.commandLine().getOptionValue("p"),
                call.commandLine().hasOption("d"));
        // say exactly what happened: the job is cancelled after the savepoint, not drained to FINISHED
        context.out().println("Savepoint of job " + call.jobId() + " written to " + savepoint);
        context.out().println("Job " + call.jobId() + " stopped: final savepoint taken, then the job was cancelled"
                + " (sources were not drained; it ends CANCELED). Resume it with 'spindle run -s " + savepoint + " ...'.");
        return 0;
    }
}
