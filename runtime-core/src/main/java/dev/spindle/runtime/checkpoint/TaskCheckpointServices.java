package dev.spindle.runtime.checkpoint;

/** What the runtime gives a task for checkpoints: where to answer and what to restore. */
public record TaskCheckpointServices(CheckpointResponder responder, TaskRestore restore) {

    public static final TaskCheckpointServices NONE = new TaskCheckpointServices(CheckpointResponder.NONE, TaskRestore.NONE);
}
