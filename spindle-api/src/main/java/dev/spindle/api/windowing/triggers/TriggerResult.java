package dev.spindle.api.windowing.triggers;

/** What a trigger decides for its window. */
public enum TriggerResult {
    /** Do nothing. */
    CONTINUE(false, false),
    /** Evaluate the window and emit its result; keep its contents. */
    FIRE(true, false),
    /** Drop the window's contents without emitting. */
    PURGE(false, true),
    /** Evaluate the window, emit, then drop its contents. */
    FIRE_AND_PURGE(true, true);

    private final boolean fire;
    private final boolean purge;

    TriggerResult(boolean fire, boolean purge) {
        this.fire = fire;
        this.purge = purge;
    }

    /** Whether the window is evaluated. */
    public boolean isFire() {
        return fire;
    }

    /** Whether the window's contents are dropped. */
    public boolean isPurge() {
        return purge;
    }
}
