package dev.spindle.runtime.minicluster;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.resourcemanager.ClusterAddresses;
import dev.spindle.runtime.resourcemanager.ResourceEventHandler;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.resourcemanager.ResourceManagerDriver;
import dev.spindle.runtime.resourcemanager.WorkerNode;
import dev.spindle.runtime.resourcemanager.WorkerResourceSpec;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.taskexecutor.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts workers as TaskExecutors inside this JVM, each with its own RPC server on the loopback
 * interface, registering with the resource manager like remote ones do.
 */
public final class InProcessResourceManagerDriver implements ResourceManagerDriver {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessResourceManagerDriver.class);

    private final Configuration configuration;
    private final ClusterSecret secret;
    private final String host;
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<ResourceID, TaskExecutor> taskExecutors = new ConcurrentHashMap<>();
    private final Set<ResourceID> releasedOrKilled = ConcurrentHashMap.newKeySet();
    private ResourceEventHandler handler;
    private Executor mainThread;
    private ClusterAddresses addresses;
    /** Sees every RPC the TaskExecutors make (a test's fault injection), or null. */
    private final io.grpc.ClientInterceptor taskExecutorCalls;

    public InProcessResourceManagerDriver(Configuration configuration, ClusterSecret secret, String host) {
        this(configuration, secret, host, null);
    }

    /** @param taskExecutorCalls sees every RPC the TaskExecutors make, to inject faults; null for none */
    public InProcessResourceManagerDriver(Configuration configuration, ClusterSecret secret, String host,
            io.grpc.ClientInterceptor taskExecutorCalls) {
        this.configuration = configuration;
        this.secret = secret;
        this.host = host;
        this.taskExecutorCalls = taskExecutorCalls;
    }

    @Override
    public void initialize(ResourceEventHandler handler, Executor mainThreadExecutor, ClusterAddresses addresses) {
        this.handler = handler;
        this.mainThread = mainThreadExecutor;
        this.addresses = addresses;
    }

    @Override
    public CompletableFuture<WorkerNode> requestWorker(WorkerResourceSpec spec) {
        if (addresses == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("driver not initialized"));
        }
        ResourceID id = new ResourceID("local-te-" + counter.incrementAndGet());
        Configuration conf = new Configuration(configuration);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, spec.numSlots());
        try {
            TaskExecutor te = new TaskExecutor(conf, id, addresses.rpcHost(), addresses.rpcPort(), secret, host, null,
                    dev.spindle.runtime.taskexecutor.ResourceManagerLocator.fixed(), taskExecutorCalls);
            te.start();
            taskExecutors.put(id, te);
            te.getTerminationFuture().thenAccept(code -> {
                taskExecutors.remove(id);
                if (!releasedOrKilled.contains(id)) {
                    mainThread.execute(() -> handler.onWorkerTerminated(id, "TaskExecutor " + id + " exited with code " + code));
                }
            });
            return CompletableFuture.completedFuture(new WorkerNode(id, host, spec));
        } catch (Exception e) {
            LOG.warn("Could not start in-process TaskExecutor {}: {}", id, e.toString());
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void releaseWorker(WorkerNode worker) {
        releasedOrKilled.add(worker.resourceId());
        TaskExecutor te = taskExecutors.remove(worker.resourceId());
        if (te != null) {
            LOG.info("Stopping released TaskExecutor {}", worker.resourceId());
            // stopping waits for the RPC server; keep the resource manager's main thread free meanwhile
            Thread stopper = new Thread(te::close, "stop " + worker.resourceId());
            stopper.setDaemon(true);
            stopper.start();
        }
    }

    /**
     * Makes a TaskExecutor stop answering at once (RPC server and heartbeats gone) without telling
     * the resource manager, as a hung or partitioned machine would: only heartbeat timeouts notice.
     */
    public void killSilently(ResourceID id) {
        releasedOrKilled.add(id);
        TaskExecutor te = taskExecutors.remove(id);
        if (te == null) {
            throw new IllegalArgumentException("no running TaskExecutor " + id);
        }
        te.kill();
    }

    public List<TaskExecutor> getTaskExecutors() {
        return new ArrayList<>(taskExecutors.values());
    }

    @Override
    public void deregisterApplication(ApplicationStatus finalStatus, String diagnostics) {
        LOG.info("MiniCluster application ends {}: {}", finalStatus, diagnostics);
    }

    @Override
    public void terminate() {
        for (TaskExecutor te : new ArrayList<>(taskExecutors.values())) {
            releasedOrKilled.add(te.getResourceId());
            te.close();
        }
        taskExecutors.clear();
    }
}
