package dev.spindle.runtime.checkpoint;

/** Counts of a job's checkpoints, for the REST view and the client's progress lines. */
public final class CheckpointCounts {

    long triggered;
    long completed;
    long failed;
    CompletedCheckpoint lastCompleted;

    public long triggered() {
        return triggered;
    }

    public long completed() {
        return completed;
    }

    public long failed() {
        return failed;
    }

    public CompletedCheckpoint lastCompleted() {
        return lastCompleted;
    }
}
