package dev.spindle.yarn.client.cli;

import dev.spindle.yarn.client.api.JobDetails;

/** {@code spindle info <jobId>}: a job's vertices, parallelism and subtask states. */
final class InfoVerb extends JobVerb {

    InfoVerb() {
        super("info", "Show a job's vertices, parallelism, subtask states, per-vertex figures (records/s, busy,"
                + " backpressure) and checkpoints.", "<jobId>", 1);
    }

    @Override
    int run(Call call, CliContext context) throws Exception {
        JobDetails details = call.client().jobDetails(call.jobId());
        if (details.summary() == null) {
            // The application ended: YARN's final report, which mentions the job, is all there is.
            ApplicationFormat.ended(call.client().status(), context.out());
        } else {
            JobFormat.details(details, context.out());
            dev.spindle.yarn.client.api.CheckpointStats checkpoints = call.client().checkpointStats(call.jobId());
            if (checkpoints != null) {
                JobFormat.checkpoints(checkpoints, context.out());
            }
        }
        return 0;
    }
}
