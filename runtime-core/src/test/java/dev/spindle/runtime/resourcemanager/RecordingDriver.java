package dev.spindle.runtime.resourcemanager;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A driver that records what the resource manager asks of the cluster; its workers never start a process. */
public final class RecordingDriver implements ResourceManagerDriver {

    public final BlockingQueue<WorkerResourceSpec> requested = new LinkedBlockingQueue<>();
    public final BlockingQueue<ResourceID> released = new LinkedBlockingQueue<>();
    public final BlockingQueue<String> deregistrations = new LinkedBlockingQueue<>();
    private final AtomicInteger counter = new AtomicInteger();
    public volatile ResourceEventHandler handler;
    public volatile Executor mainThread;
    public volatile ClusterAddresses addresses;
    public volatile boolean terminated;

    @Override
    public void initialize(ResourceEventHandler handler, Executor mainThreadExecutor, ClusterAddresses addresses) {
        this.handler = handler;
        this.mainThread = mainThreadExecutor;
        this.addresses = addresses;
    }

    @Override
    public CompletableFuture<WorkerNode> requestWorker(WorkerResourceSpec spec) {
        requested.add(spec);
        return CompletableFuture.completedFuture(new WorkerNode(new ResourceID("worker-" + counter.incrementAndGet()), "host", spec));
    }

    @Override
    public void releaseWorker(WorkerNode worker) {
        released.add(worker.resourceId());
    }

    @Override
    public void deregisterApplication(ApplicationStatus finalStatus, String diagnostics) {
        deregistrations.add(finalStatus + ": " + diagnostics);
    }

    @Override
    public void terminate() {
        terminated = true;
    }
}
