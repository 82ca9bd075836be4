package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.checkpoint.CheckpointBarrier;

/** What a barrier handler asks of its task: snapshot now, or give up a checkpoint it cannot complete. */
interface BarrierListener {

    /** Every input delivered the barrier (or ended): snapshot and pass the barrier on. */
    void onAligned(CheckpointBarrier barrier) throws Exception;

    /** A newer barrier overtook this checkpoint before it aligned; it will not complete here. */
    void onAborted(long checkpointId, String reason);
}
