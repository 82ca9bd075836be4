package dev.spindle.runtime.recovery;

import dev.spindle.api.JobID;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.jobgraph.JobGraph;
import java.util.List;

/** The store of a cluster whose jobs end with its process. */
enum NoJobRecoveryStore implements JobRecoveryStore {
    INSTANCE;

    @Override
    public boolean isDurable() {
        return false;
    }

    @Override
    public void jobSubmitted(JobGraph graph) {
    }

    @Override
    public void checkpointCompleted(JobID jobId, long checkpointId, String directory) {
    }

    @Override
    public void jobEnded(JobResult result) {
    }

    @Override
    public List<RecoveredJob> recover(ClassLoader classLoader) {
        return List.of();
    }
}
