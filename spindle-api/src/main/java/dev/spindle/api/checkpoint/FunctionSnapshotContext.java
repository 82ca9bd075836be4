package dev.spindle.api.checkpoint;

/** The checkpoint a {@link CheckpointedFunction#snapshotState} call belongs to. */
public interface FunctionSnapshotContext {

    long getCheckpointId();

    /** When the job master triggered the checkpoint (ms since the epoch). */
    long getCheckpointTimestamp();
}
