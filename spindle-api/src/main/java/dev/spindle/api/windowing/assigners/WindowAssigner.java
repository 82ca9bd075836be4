package dev.spindle.api.windowing.assigners;

import dev.spindle.api.windowing.triggers.Trigger;
import dev.spindle.api.windowing.windows.Window;
import java.io.Serializable;
import java.util.Collection;

/** Puts each record into zero or more windows, and says which trigger fires them by default. */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The windows {@code element} (with event timestamp {@code timestamp}) belongs to. */
    public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

    /** The trigger used when {@code WindowedStream.trigger} sets none. */
    public abstract Trigger<T, W> getDefaultTrigger();

    /** Whether windows are in event time (records then need timestamps, and late records exist). */
    public abstract boolean isEventTime();

    /** What an assigner may ask while assigning. */
    public interface WindowAssignerContext {

        /** The machine's current time in milliseconds. */
        long getCurrentProcessingTime();
    }
}
