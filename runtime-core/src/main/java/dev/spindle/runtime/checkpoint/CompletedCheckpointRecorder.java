package dev.spindle.runtime.checkpoint;

import java.io.IOException;

/** Records a completed checkpoint durably, outside the job master, for a later ApplicationMaster attempt to resume from. */
@FunctionalInterface
public interface CompletedCheckpointRecorder {

    /** Records nothing: the job's cluster does not outlive its process. */
    CompletedCheckpointRecorder NONE = (checkpointId, directory) -> {
    };

    /** Called once the checkpoint's metadata is written and before any task is told it completed. */
    void recordCompleted(long checkpointId, String directory) throws IOException;
}
