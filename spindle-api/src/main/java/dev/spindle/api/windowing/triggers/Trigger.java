package dev.spindle.api.windowing.triggers;

import dev.spindle.api.state.MergingState;
import dev.spindle.api.state.State;
import dev.spindle.api.state.StateDescriptor;
import dev.spindle.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Decides when a window is evaluated: on each record, on its timers in event or processing time.
 * Timers and state it sets through the {@link TriggerContext} belong to the window and its key.
 */
public abstract class Trigger<T, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Called for every record added to {@code window}. */
    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    /** A processing-time timer of this window fired. */
    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    /** An event-time timer of this window fired. */
    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    /** Whether this trigger supports merging windows (sessions); then {@link #onMerge} is called. */
    public boolean canMerge() {
        return false;
    }

    /**
     * Windows were merged into {@code window}: set the timers the merged window needs and merge the
     * merged windows' state into it ({@link OnMergeContext#mergePartitionedState}). Their state and
     * timers are cleared right after.
     */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging windows");
    }

    /** The window is gone: delete its timers and state. */
    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /** Clocks, timers and state of the window being handled. */
    public interface TriggerContext {

        /** The machine's current time in milliseconds. */
        long getCurrentProcessingTime();

        /** The operator's current watermark. */
        long getCurrentWatermark();

        /** Calls {@link #onProcessingTime} for this window at {@code time}. */
        void registerProcessingTimeTimer(long time);

        /** Calls {@link #onEventTime} for this window when the watermark reaches {@code time}. */
        void registerEventTimeTimer(long time);

        /** Removes a processing-time timer of this window. */
        void deleteProcessingTimeTimer(long time);

        /** Removes an event-time timer of this window. */
        void deleteEventTimeTimer(long time);

        /** State of this trigger for the current key and window, of any kind (checkpointed). */
        <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor);
    }

    /** The context of {@link #onMerge}. */
    public interface OnMergeContext extends TriggerContext {

        /**
         * Merges the state {@code descriptor} names (list, reducing or aggregating) of the windows just
         * merged into the state of the merged window.
         */
        <S extends MergingState<?, ?>> void mergePartitionedState(StateDescriptor<S, ?> descriptor);
    }
}
