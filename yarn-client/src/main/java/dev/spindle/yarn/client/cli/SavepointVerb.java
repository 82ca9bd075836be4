package dev.spindle.yarn.client.cli;

import java.util.List;

/** {@code spindle savepoint <jobId> [targetDirectory]}: triggers a savepoint of a running job. */
final class SavepointVerb extends JobVerb {

    SavepointVerb() {
        super("savepoint", "Trigger a savepoint of a running job.", "<jobId> [targetDirectory]", 2);
    }

    @Override
    int run(Call call, CliContext context) throws Exception {
        List<String> positional = call.commandLine().getArgList();
        String directory = positional.size() > 1 ? positional.get(1) : null;
        context.out().println("Savepoint of job " + call.jobId() + " written to "
                + call.client().triggerSavepoint(call.jobId(), directory));
        return 0;
    }
}
