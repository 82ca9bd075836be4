package dev.spindle.runtime.checkpoint;

/** How a task tells the job master's coordinator that its part of a checkpoint is done, or cannot be done. */
public interface CheckpointResponder {

    void acknowledge(long checkpointId, TaskStateHandle handle);

    void decline(long checkpointId, String reason);

    /** For tasks that run outside a cluster with checkpointing (test harnesses): drops every answer. */
    CheckpointResponder NONE = new CheckpointResponder() {
        @Override
        public void acknowledge(long checkpointId, TaskStateHandle handle) {
        }

        @Override
        public void decline(long checkpointId, String reason) {
        }
    };
}
