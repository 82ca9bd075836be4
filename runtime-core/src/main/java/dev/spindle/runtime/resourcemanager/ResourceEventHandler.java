package dev.spindle.runtime.resourcemanager;

/** Callbacks from a {@link ResourceManagerDriver} to the resource manager. */
public interface ResourceEventHandler {

    /**
     * A worker's process ended (exit, kill, preemption, lost node). {@code diagnostics} says why
     * in words a user can act on, e.g. "killed for exceeding physical memory: raise
     * taskmanager.memory.process.size".
     */
    void onWorkerTerminated(ResourceID resourceId, String diagnostics);

    /**
     * The driver's counts of requested, allocated and running workers changed; shown to users
     * while they wait for workers. Drivers that do not count never call it.
     */
    default void onWorkerCountsChanged(WorkerCounts counts) {
    }

    /** The driver cannot go on (e.g. lost the cluster); the resource manager fails. */
    void onError(Throwable error);
}
