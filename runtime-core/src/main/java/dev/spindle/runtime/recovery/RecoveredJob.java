package dev.spindle.runtime.recovery;

import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.jobgraph.JobGraph;

/**
 * A job an earlier ApplicationMaster attempt recorded.
 *
 * @param latestCheckpoint directory of its latest completed checkpoint, or null when none completed
 * @param result its result when it ended for good, or null when it must be resumed
 */
public record RecoveredJob(JobGraph graph, String latestCheckpoint, JobResult result) {

    public boolean ended() {
        return result != null;
    }
}
