package dev.spindle.runtime.task;

/**
 * The code one subtask runs. The TaskExecutor instantiates the vertex's invokable class (public,
 * no-arg constructor) with the job's user-code classloader as context classloader, calls
 * {@link #invoke} in the subtask's own thread, and calls {@link #cancel} from another thread to
 * stop it (after which it also interrupts the task thread).
 */
public interface TaskInvokable {

    /**
     * Runs the subtask to its end: returns normally when all input is consumed and all output
     * finished; throws on failure (the cause goes to the job master and the user).
     */
    void invoke(TaskEnvironment environment) throws Exception;

    /** Asks a running {@link #invoke} to stop soon; must not block. */
    void cancel();

    /**
     * The job master triggers a checkpoint at this (source) task; must not block. False when the task
     * cannot take part (not a checkpointing source, not running), which declines the checkpoint.
     */
    default boolean triggerCheckpoint(dev.spindle.runtime.checkpoint.CheckpointBarrier barrier) {
        return false;
    }

    /** Checkpoint {@code checkpointId} completed; must not block (the task applies it in its own thread). */
    default void notifyCheckpointComplete(long checkpointId) {
    }
}
