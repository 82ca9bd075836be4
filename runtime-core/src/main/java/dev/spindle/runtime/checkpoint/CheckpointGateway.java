package dev.spindle.runtime.checkpoint;

import java.util.concurrent.CompletableFuture;

/** What the coordinator needs of its job master; all calls come from the job master's main thread. */
public interface CheckpointGateway {

    /** The tasks of a checkpoint now, or null when the job is not fully running (deploying, restarting). */
    CheckpointPlan plan();

    /** Sends the trigger to a source task; completes with null when it was accepted, else with the refusal. */
    CompletableFuture<String> trigger(ExecutionAttempt source, CheckpointBarrier barrier);

    void notifyComplete(ExecutionAttempt task, long checkpointId);

    /** Too many checkpoints failed in a row: the job fails over with this cause, as its restart strategy decides. */
    void failJob(Throwable cause);
}
