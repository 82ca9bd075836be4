package dev.spindle.api.checkpoint;

/**
 * A function with operator state of its own: {@link #initializeState} runs before {@code open}
 * (with the restored state after a recovery), {@link #snapshotState} when a checkpoint barrier
 * passes the function; what it put into its operator state store then goes into the checkpoint.
 */
public interface CheckpointedFunction {

    /** Called in the task thread while no record is processed: bring the operator state up to date. */
    void snapshotState(FunctionSnapshotContext context) throws Exception;

    /** Called once before {@code open}: register the operator state and read what was restored. */
    void initializeState(FunctionInitializationContext context) throws Exception;
}
