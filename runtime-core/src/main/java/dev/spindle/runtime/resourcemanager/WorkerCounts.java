package dev.spindle.runtime.resourcemanager;

/**
 * A driver's view of its workers, as a funnel: {@code requested} containers it still wants or has
 * (pending + allocated), {@code allocated} ones the cluster granted (starting + running), and
 * {@code running} ones whose process was started. Registration is the resource manager's own view.
 */
public record WorkerCounts(int requested, int allocated, int running) {

    /** Nothing asked for yet (also what a driver that does not count reports). */
    public static final WorkerCounts NONE = new WorkerCounts(0, 0, 0);
}
