package dev.spindle.runtime.resourcemanager;

import java.util.List;

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

    /**
     * Workers an earlier attempt of this application started are still running: the cluster kept
     * them across the restart of the process that hosts the resource manager. They find the new
     * resource manager and register on their own, like freshly started workers.
     */
    void onPreviousAttemptWorkers(List<WorkerNode> workers);

    /** The driver cannot go on (e.g. lost the cluster); the resource manager fails. */
    void onError(Throwable error);
}
