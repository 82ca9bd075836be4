package dev.spindle.api.checkpoint;

import dev.spindle.api.state.OperatorStateStore;

/** What a {@link CheckpointedFunction} gets before it opens. */
public interface FunctionInitializationContext {

    /** Whether this subtask starts from a checkpoint or savepoint (its state stores hold the restored state). */
    boolean isRestored();

    OperatorStateStore getOperatorStateStore();
}
