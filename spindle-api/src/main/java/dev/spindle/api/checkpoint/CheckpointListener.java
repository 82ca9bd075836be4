package dev.spindle.api.checkpoint;

/** A function told when a checkpoint it took part in completed, e.g. to publish what it covers (two-phase commit). */
public interface CheckpointListener {

    /** Checkpoint {@code checkpointId} completed: every task acknowledged it and its metadata is written. */
    void notifyCheckpointComplete(long checkpointId) throws Exception;
}
