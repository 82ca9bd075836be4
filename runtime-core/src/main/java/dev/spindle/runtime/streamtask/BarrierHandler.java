package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.checkpoint.CheckpointBarrier;

/**
 * Tracks the barriers arriving on a task's input channels (all gates, numbered flat). Ended channels
 * count as having delivered every later barrier. Subclasses decide whether channels that delivered
 * a barrier are blocked until the others have it.
 */
abstract class BarrierHandler {

    protected final BarrierListener listener;
    private final boolean[] received;
    private final boolean[] ended;
    private CheckpointBarrier pending;
    private long lastHandledId = -1;

    BarrierHandler(int numberOfChannels, BarrierListener listener) {
        this.received = new boolean[numberOfChannels];
        this.ended = new boolean[numberOfChannels];
        this.listener = listener;
    }

    static BarrierHandler create(boolean exactlyOnce, int numberOfChannels, BarrierListener listener) {
        return exactlyOnce ? new AligningBarrierHandler(numberOfChannels, listener) : new TrackingBarrierHandler(numberOfChannels, listener);
    }

    int numberOfChannels() {
        return received.length;
    }

    /** The checkpoint being aligned, or null. */
    CheckpointBarrier pending() {
        return pending;
    }

    boolean hasReceived(int channel) {
        return received[channel];
    }

    void onBarrier(int channel, CheckpointBarrier barrier) throws Exception {
        if (barrier.id() <= lastHandledId || (pending != null && barrier.id() < pending.id())) {
            return; // a late barrier of a checkpoint already taken or given up
        }
        if (pending != null && barrier.id() > pending.id()) {
            long abandoned = pending.id();
            reset();
            lastHandledId = abandoned;
            listener.onAborted(abandoned, "barrier of checkpoint " + barrier.id() + " arrived before checkpoint " + abandoned + " aligned");
        }
        if (pending == null) {
            pending = barrier;
        }
        received[channel] = true;
        checkComplete();
    }

    void onChannelEnded(int channel) throws Exception {
        ended[channel] = true;
        checkComplete();
    }

    boolean isEnded(int channel) {
        return ended[channel];
    }

    /** Whether records arriving on {@code channel} must wait (exactly-once alignment). */
    abstract boolean isBlocked(int channel);

    private void checkComplete() throws Exception {
        if (pending == null) {
            return;
        }
        for (int c = 0; c < received.length; c++) {
            if (!received[c] && !ended[c]) {
                return;
            }
        }
        CheckpointBarrier aligned = pending;
        reset();
        lastHandledId = aligned.id();
        listener.onAligned(aligned);
    }

    private void reset() {
        pending = null;
        java.util.Arrays.fill(received, false);
    }
}
