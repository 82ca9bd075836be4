package dev.spindle.runtime.resourcemanager;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The resource manager's only view of the cluster it runs on: start and stop TaskExecutor
 * processes ("workers") and hear when one ends. The YARN implementation lives in app-master; an
 * in-process one backs the MiniCluster. Calls come from the resource manager's main thread;
 * implementations report back through the {@link ResourceEventHandler} on that same executor.
 */
public interface ResourceManagerDriver {

    /**
     * Called once before any other method, after the cluster's RPC server and REST endpoint are
     * up: {@code addresses} tells where TaskExecutors must register (RPC) and what to report as the
     * tracking URL (REST).
     */
    void initialize(ResourceEventHandler handler, Executor mainThreadExecutor, ClusterAddresses addresses) throws Exception;

    /**
     * Starts one worker of the given spec. The future completes with the worker once its process
     * was started (it registers with the resource manager on its own afterwards), or
     * exceptionally when it could not be started.
     */
    CompletableFuture<WorkerNode> requestWorker(WorkerResourceSpec spec);

    /** Stops a worker the resource manager no longer needs (idle, or failed to register). */
    void releaseWorker(WorkerNode worker);

    /** Tells the cluster the application ended (YARN: unregister the AM with this status). */
    void deregisterApplication(ApplicationStatus finalStatus, String diagnostics) throws Exception;

    /** Stops all workers this driver started and releases its clients. */
    void terminate() throws Exception;
}
