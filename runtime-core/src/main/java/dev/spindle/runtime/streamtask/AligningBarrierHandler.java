package dev.spindle.runtime.streamtask;

/**
 * EXACTLY_ONCE: a channel that delivered the barrier is blocked until every channel has, so no
 * record after the barrier reaches the state before the snapshot; its records wait in the task.
 */
final class AligningBarrierHandler extends BarrierHandler {

    AligningBarrierHandler(int numberOfChannels, BarrierListener listener) {
        super(numberOfChannels, listener);
    }

    @Override
    boolean isBlocked(int channel) {
        return pending() != null && hasReceived(channel);
    }
}
