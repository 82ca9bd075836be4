package dev.spindle.runtime.recovery;

import dev.spindle.api.JobID;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.jobgraph.JobGraph;
import java.io.IOException;
import java.util.List;

/**
 * What a later ApplicationMaster attempt needs to take over the jobs of an earlier one: each
 * submitted job graph, the latest completed checkpoint of each job, and the result of each job
 * that ended. Kept on a file system the attempts share (the application's staging dir on HDFS),
 * so failover needs no ZooKeeper.
 */
public interface JobRecoveryStore {

    /** Whether jobs survive the loss of this process; when false every method is a no-op. */
    boolean isDurable();

    /** Persists a job before it starts; a job that cannot be persisted must not start. */
    void jobSubmitted(JobGraph graph) throws IOException;

    /** Records the checkpoint a later attempt resumes the job from; called before tasks commit output for it. */
    void checkpointCompleted(JobID jobId, long checkpointId, String directory) throws IOException;

    /** Records that the job ended for good; a later attempt reports this result instead of running the job again. */
    void jobEnded(JobResult result) throws IOException;

    /** The jobs an earlier attempt recorded, in submission order. */
    List<RecoveredJob> recover(ClassLoader classLoader) throws IOException;

    /** A store for clusters that live in one process (local and MiniCluster): nothing survives it. */
    static JobRecoveryStore none() {
        return NoJobRecoveryStore.INSTANCE;
    }
}
