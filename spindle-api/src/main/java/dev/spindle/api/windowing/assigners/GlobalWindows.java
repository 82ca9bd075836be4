package dev.spindle.api.windowing.assigners;

import dev.spindle.api.windowing.triggers.Trigger;
import dev.spindle.api.windowing.triggers.TriggerResult;
import dev.spindle.api.windowing.windows.GlobalWindow;
import java.util.Collection;
import java.util.List;

/** Puts every record of a key into the one {@link GlobalWindow}; needs a trigger (e.g. a count) to fire. */
public final class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {

    private static final long serialVersionUID = 1L;

    private GlobalWindows() {
    }

    /** The global window assigner, whose default trigger never fires. */
    public static GlobalWindows create() {
        return new GlobalWindows();
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return List.of(GlobalWindow.get());
    }

    @Override
    public Trigger<Object, GlobalWindow> getDefaultTrigger() {
        return new NeverTrigger();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    /** The global window's default: never fires (set a trigger with {@code WindowedStream.trigger}). */
    public static final class NeverTrigger extends Trigger<Object, GlobalWindow> {

        private static final long serialVersionUID = 1L;

        @Override
        public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {
        }
    }
}
