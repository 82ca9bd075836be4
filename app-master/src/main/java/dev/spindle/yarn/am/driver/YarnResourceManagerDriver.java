package dev.spindle.yarn.am.driver;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.apache.hadoop.yarn.api.protocolrecords.RegisterApplicationMasterResponse;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.UpdatedContainer;
import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MemorySize;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.runtime.metrics.PhaseLog;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.resourcemanager.AttemptEndedByClusterException;
import dev.spindle.runtime.resourcemanager.ClusterAddresses;
import dev.spindle.runtime.resourcemanager.ResourceEventHandler;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.resourcemanager.ResourceManagerDriver;
import dev.spindle.runtime.resourcemanager.WorkerCounts;
import dev.spindle.runtime.resourcemanager.WorkerNode;
import dev.spindle.runtime.resourcemanager.WorkerResourceSpec;

/**
 * The resource manager's driver on YARN: asks the YARN ResourceManager for TaskExecutor
 * containers (AMRMClientAsync) and starts them on their NodeManagers (NMClientAsync).
 *
 * <p>All state is touched on the resource manager's main thread only: YARN callbacks arrive on
 * client threads and are handed over. Launch contexts are built on a separate thread so that a
 * slow file system never stalls the heartbeat.
 */
public final class YarnResourceManagerDriver implements ResourceManagerDriver {

    private static final Logger LOG = LoggerFactory.getLogger(YarnResourceManagerDriver.class);

    /** Creates the AMRM client around the driver's callback handler (a test hands in a fake). */
    public interface AmrmClientFactory extends Function<AMRMClientAsync.AbstractCallbackHandler, AMRMClientAsync<ContainerRequest>> {
    }

    /** Creates the NM client around the driver's callback handler (a test hands in a fake). */
    public interface NmClientFactory extends Function<NMClientAsync.AbstractCallbackHandler, NMClientAsync> {
    }

    /** Builds the launch context of one TaskExecutor container. */
    public interface LaunchContextFactory {
        ContainerLaunchContext create(WorkerResourceSpec spec, String rmHost, int rmPort) throws Exception;
    }

    private final Configuration configuration;
    private final org.apache.hadoop.conf.Configuration yarnConf;
    private final AmrmClientFactory amrmFactory;
    private final NmClientFactory nmFactory;
    private final LaunchContextFactory launchContexts;
    private final String amHost;
    private final LongSupplier clock;
    /** How long a new AM heartbeats fast while waiting for its first container requests. */
    private static final java.time.Duration STARTUP_WINDOW = java.time.Duration.ofSeconds(30);

    private final int fastHeartbeatMs;
    private final int idleHeartbeatMs;
    private final int maxStartFailuresPerMinute;
    private final Duration startRetryBackoff;
    private final ExecutorService launchExecutor;
    private final ScheduledExecutorService retryTimer;

    private ResourceEventHandler handler;
    private Executor mainThread;
    private ClusterAddresses addresses;
    private AMRMClientAsync<ContainerRequest> amrm;
    private NMClientAsync nm;
    private Resource maxContainer;

    private final Map<WorkerResourceSpec, Priority> priorities = new HashMap<>();
    private final Map<Priority, Queue<PendingRequest>> pending = new HashMap<>();
    private final Map<ContainerId, StartingWorker> starting = new HashMap<>();
    private final Map<ContainerId, WorkerNode> running = new HashMap<>();
    private final ArrayDeque<Long> startFailures = new ArrayDeque<>();
    private boolean fastHeartbeat;
    // Until the first allocation (or STARTUP_WINDOW): a new AM asks for its first workers within
    // moments, and an AMRM client sleeping out a slow interval would delay them by that much.
    private volatile boolean startupWindowOver;
    private WorkerCounts reportedCounts = WorkerCounts.NONE;
    private volatile boolean terminated;
    // Set on YARN's shutdown request: the RM no longer knows this attempt.
    private volatile boolean shutdownRequested;
    /** Where the AMRM heartbeat's progress comes from; 0 until the cluster services are up and say more. */
    private volatile java.util.function.DoubleSupplier progress = () -> 0;

    private record PendingRequest(WorkerResourceSpec spec, ContainerRequest request, CompletableFuture<WorkerNode> future) {
    }

    private record StartingWorker(WorkerResourceSpec spec, Container container, CompletableFuture<WorkerNode> future) {
    }

    public YarnResourceManagerDriver(Configuration configuration, org.apache.hadoop.conf.Configuration yarnConf,
            AmrmClientFactory amrmFactory, NmClientFactory nmFactory, LaunchContextFactory launchContexts, String amHost,
            LongSupplier clock) {
        this.configuration = configuration;
        this.yarnConf = yarnConf;
        this.amrmFactory = amrmFactory;
        this.nmFactory = nmFactory;
        this.launchContexts = launchContexts;
        this.amHost = amHost;
        this.clock = clock;
        this.fastHeartbeatMs = (int) configuration.get(YarnConfigOptions.HEARTBEAT_CONTAINER_REQUEST_INTERVAL).toMillis();
        this.idleHeartbeatMs = (int) configuration.get(YarnConfigOptions.HEARTBEAT_INTERVAL).toMillis();
        this.maxStartFailuresPerMinute = configuration.get(YarnConfigOptions.CONTAINERS_MAX_START_FAILURES_PER_MINUTE);
        this.startRetryBackoff = configuration.get(YarnConfigOptions.CONTAINERS_START_RETRY_BACKOFF);
        this.launchExecutor = Executors.newSingleThreadExecutor(daemon("te-launch-context"));
        this.retryTimer = Executors.newSingleThreadScheduledExecutor(daemon("te-start-retry"));
    }

    /** The production wiring: real clients, wall clock. */
    public static YarnResourceManagerDriver create(Configuration configuration, org.apache.hadoop.conf.Configuration yarnConf,
            LaunchContextFactory launchContexts, String amHost) {
        // Created with the fast interval: the client's heartbeat thread sleeps a whole interval before
        // it sees a change, so starting slow would hold the first container requests back.
        int fast = (int) configuration.get(YarnConfigOptions.HEARTBEAT_CONTAINER_REQUEST_INTERVAL).toMillis();
        return new YarnResourceManagerDriver(configuration, yarnConf,
                h -> AMRMClientAsync.createAMRMClientAsync(fast, h), NMClientAsync::createNMClientAsync,
                launchContexts, amHost, System::currentTimeMillis);
    }

    /**
     * Makes the progress sent on each AMRM heartbeat come from {@code source} (the runtime's share of
     * source input read). The driver is built before the services that know it, hence a setter.
     */
    public void reportProgressFrom(java.util.function.DoubleSupplier source) {
        this.progress = java.util.Objects.requireNonNull(source, "progress source");
    }

    /** The progress for YARN, in [0, 1]; a failing source reads as 0 rather than breaking the heartbeat. */
    float currentProgress() {
        double p;
        try {
            p = progress.getAsDouble();
        } catch (RuntimeException e) {
            LOG.warn("The application's progress could not be read: {}", e.toString());
            return 0;
        }
        return Double.isNaN(p) ? 0 : (float) Math.max(0, Math.min(1, p));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void initialize(ResourceEventHandler handler, Executor mainThreadExecutor, ClusterAddresses addresses) throws Exception {
        this.handler = handler;
        this.mainThread = mainThreadExecutor;
        this.addresses = addresses;
        amrm = amrmFactory.apply(new AmrmCallbacks());
        amrm.init(yarnConf);
        amrm.start();
        // The tracking URL is what YARN's UI links to (through its proxy): the web UI entry point when there is one; then the
        // REST endpoint is not in it, and its port goes into the registration's port, where clients find it (as Flink does).
        boolean separateWebUi = !addresses.trackingUrl().equals(addresses.restUrl());
        int registeredPort = separateWebUi ? addresses.restPort() : addresses.rpcPort();
        RegisterApplicationMasterResponse response = amrm.registerApplicationMaster(amHost, registeredPort, addresses.trackingUrl());
        maxContainer = response == null ? null : response.getMaximumResourceCapability();
        amrm.setHeartbeatInterval(fastHeartbeatMs);
        fastHeartbeat = true;
        retryTimer.schedule(() -> mainThread.execute(() -> {
            startupWindowOver = true;
            updateHeartbeat();
        }), STARTUP_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
        nm = nmFactory.apply(new NmCallbacks());
        nm.init(yarnConf);
        nm.start();
        PhaseLog.mark("am-registered", "host=" + amHost);
        LOG.info("ApplicationMaster registered with YARN: host {}, port {}, tracking URL {}, REST {}, largest container {}",
                amHost, registeredPort, addresses.trackingUrl(), addresses.restUrl(), maxContainer);
        takeOverPreviousAttemptContainers(response == null ? List.of() : response.getContainersFromPreviousAttempts());
    }

    /**
     * Containers an earlier attempt started and YARN kept running: their TaskExecutors find this
     * attempt and register, so they count as running workers (released, stopped and reported on
     * completion like this attempt's own).
     */
    private void takeOverPreviousAttemptContainers(List<Container> containers) {
        if (containers.isEmpty()) {
            return;
        }
        List<WorkerNode> workers = new ArrayList<>();
        for (Container c : containers) {
            WorkerResourceSpec spec = new WorkerResourceSpec(MemorySize.ofMebiBytes(c.getResource().getMemorySize()),
                    c.getResource().getVirtualCores(), configuration.get(TaskManagerOptions.NUM_TASK_SLOTS));
            WorkerNode node = new WorkerNode(new ResourceID(c.getId().toString()), c.getNodeId().getHost(), spec, containerLogUrl(c));
            running.put(c.getId(), node);
            workers.add(node);
            LOG.info("TaskExecutor container {} on {} kept from attempt {}", c.getId(), node.host(),
                    c.getId().getApplicationAttemptId().getAttemptId());
        }
        reportCounts();
        handler.onPreviousAttemptWorkers(workers);
    }

    @Override
    public CompletableFuture<WorkerNode> requestWorker(WorkerResourceSpec spec) {
        CompletableFuture<WorkerNode> future = new CompletableFuture<>();
        requestContainer(spec, future);
        return future;
    }

    private void requestContainer(WorkerResourceSpec spec, CompletableFuture<WorkerNode> future) {
        if (terminated) {
            future.completeExceptionally(new IllegalStateException("the YARN driver was terminated"));
            return;
        }
        long coolDown = startFailureCoolDownMillis();
        if (coolDown > 0) {
            // Over the start-failure cap: the resource manager asks again at once, but a request now
            // would most likely fail the same way; wait until the minute's failures drop under the cap.
            LOG.warn("Holding a TaskExecutor container request back for {} ms: {} container start failures within a minute"
                    + " exceed {}={}", coolDown, startFailures.size(), YarnConfigOptions.CONTAINERS_MAX_START_FAILURES_PER_MINUTE.key(),
                    maxStartFailuresPerMinute);
            retryTimer.schedule(() -> mainThread.execute(() -> requestContainer(spec, future)), coolDown, TimeUnit.MILLISECONDS);
            return;
        }
        Priority priority = priorities.computeIfAbsent(spec, s -> Priority.newInstance(priorities.size() + 1));
        ContainerRequest request = new ContainerRequest(containerResource(spec), null, null, priority, true,
                configuration.getOptional(YarnConfigOptions.TASKMANAGER_NODE_LABEL)
                        .orElse(configuration.getOptional(YarnConfigOptions.APPLICATION_NODE_LABEL).orElse(null)));
        pending.computeIfAbsent(priority, p -> new ArrayDeque<>()).add(new PendingRequest(spec, request, future));
        amrm.addContainerRequest(request);
        PhaseLog.mark("te-requested", "priority=" + priority.getPriority());
        LOG.info("Requested TaskExecutor container {} (priority {}); {} requests pending", request.getCapability(),
                priority.getPriority(), pendingCount());
        updateHeartbeat();
        reportCounts();
    }

    Resource containerResource(WorkerResourceSpec spec) {
        int configuredVcores = configuration.get(YarnConfigOptions.CONTAINERS_VCORES);
        int vcores = configuredVcores > 0 ? configuredVcores : Math.max(1, spec.numSlots());
        return Resource.newInstance(spec.processMemory().getMebiBytes(), vcores);
    }

    private int pendingCount() {
        return pending.values().stream().mapToInt(Queue::size).sum();
    }

    /** Heartbeat fast while containers are pending so allocations arrive quickly; slowly otherwise. */
    private void updateHeartbeat() {
        boolean wantFast = pendingCount() > 0 || !startupWindowOver;
        if (wantFast != fastHeartbeat) {
            fastHeartbeat = wantFast;
            amrm.setHeartbeatInterval(wantFast ? fastHeartbeatMs : idleHeartbeatMs);
        }
    }

    private void onAllocated(List<Container> containers) {
        startupWindowOver = true;
        for (Container container : containers) {
            Queue<PendingRequest> queue = pending.get(container.getPriority());
            PendingRequest request = queue == null ? null : queue.poll();
            if (request == null || terminated) {
                LOG.info("Releasing surplus container {} on {}", container.getId(), container.getNodeId());
                amrm.releaseAssignedContainer(container.getId());
                continue;
            }
            amrm.removeContainerRequest(request.request());
            starting.put(container.getId(), new StartingWorker(request.spec(), container, request.future()));
            PhaseLog.mark("te-allocated", "container=" + container.getId());
            LOG.info("Allocated TaskExecutor container {} on {} ({})", container.getId(), container.getNodeId(),
                    container.getResource());
            launchExecutor.execute(() -> launch(container, request.spec()));
        }
        updateHeartbeat();
        reportCounts();
    }

    /** Off the main and callback threads: building the context may touch the file system. */
    private void launch(Container container, WorkerResourceSpec spec) {
        try {
            ContainerLaunchContext context = launchContexts.create(spec, addresses.rpcHost(), addresses.rpcPort());
            nm.startContainerAsync(container, context);
        } catch (Throwable t) {
            mainThread.execute(() -> onStartFailed(container.getId(), t));
        }
    }

    private void onStarted(ContainerId containerId) {
        StartingWorker worker = starting.remove(containerId);
        if (worker == null) {
            return;
        }
        WorkerNode node = new WorkerNode(new ResourceID(containerId.toString()), worker.container().getNodeId().getHost(),
                worker.spec(), containerLogUrl(worker.container()));
        running.put(containerId, node);
        LOG.info("Started TaskExecutor container {} on {}", containerId, node.host());
        PhaseLog.mark("te-container-started", "container=" + containerId);
        reportCounts();
        worker.future().complete(node);
    }

    private void onStartFailed(ContainerId containerId, Throwable cause) {
        StartingWorker worker = starting.remove(containerId);
        if (worker == null) {
            return;
        }
        amrm.releaseAssignedContainer(containerId);
        reportCounts();
        retryOrFail(worker.spec(), worker.future(), "TaskExecutor container " + containerId + " on "
                + worker.container().getNodeId().getHost() + " could not be started: " + cause);
    }

    /**
     * How long a new container request must wait until the start failures of the last minute are
     * back within {@code yarn.containers.max-start-failures-per-minute}; 0 when they are.
     */
    long startFailureCoolDownMillis() {
        long now = clock.getAsLong();
        pruneStartFailures(now);
        int excess = startFailures.size() - maxStartFailuresPerMinute;
        if (excess <= 0) {
            return 0;
        }
        // The window is back within the cap once the excess oldest failures are a minute old.
        long releasing = startFailures.stream().skip(excess - 1).findFirst().orElse(now);
        return Math.max(startRetryBackoff.toMillis(), releasing + 60_000 - now + 1);
    }

    private void pruneStartFailures(long now) {
        while (!startFailures.isEmpty() && startFailures.peekFirst() < now - 60_000) {
            startFailures.removeFirst();
        }
    }

    private void retryOrFail(WorkerResourceSpec spec, CompletableFuture<WorkerNode> future, String why) {
        long now = clock.getAsLong();
        startFailures.addLast(now);
        pruneStartFailures(now);
        if (startFailures.size() > maxStartFailuresPerMinute) {
            LOG.error("{}; giving up: {} container start failures within a minute (limit {})", why, startFailures.size(),
                    maxStartFailuresPerMinute);
            future.completeExceptionally(new IllegalStateException(why + "; " + startFailures.size()
                    + " start failures within a minute exceed " + YarnConfigOptions.CONTAINERS_MAX_START_FAILURES_PER_MINUTE.key()
                    + "=" + maxStartFailuresPerMinute));
            return;
        }
        LOG.warn("{}; requesting another container in {} ms", why, startRetryBackoff.toMillis());
        retryTimer.schedule(() -> mainThread.execute(() -> requestContainer(spec, future)), startRetryBackoff.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void onCompleted(List<ContainerStatus> statuses) {
        try {
            completeAll(statuses);
        } finally {
            reportCounts();
        }
    }

    private void completeAll(List<ContainerStatus> statuses) {
        for (ContainerStatus status : statuses) {
            ContainerId id = status.getContainerId();
            WorkerNode node = running.remove(id);
            if (node != null) {
                String diagnostics = ContainerExitDescriber.describe(status, node.host());
                LOG.warn("{}", diagnostics);
                handler.onWorkerTerminated(node.resourceId(), diagnostics);
                continue;
            }
            StartingWorker worker = starting.remove(id);
            if (worker != null) {
                retryOrFail(worker.spec(), worker.future(),
                        ContainerExitDescriber.describe(status, worker.container().getNodeId().getHost()) + " before it started");
            }
        }
    }

    @Override
    public void releaseWorker(WorkerNode worker) {
        ContainerId id = ContainerId.fromString(worker.resourceId().id());
        WorkerNode node = running.remove(id);
        StartingWorker startingWorker = starting.remove(id);
        if (node == null && startingWorker == null) {
            return;
        }
        LOG.info("Releasing TaskExecutor container {} on {}", id, worker.host());
        // The RM stops a released container on its node; no NodeManager round trip needed.
        amrm.releaseAssignedContainer(id);
        reportCounts();
    }

    @Override
    public void deregisterApplication(ApplicationStatus finalStatus, String diagnostics) throws Exception {
        if (shutdownRequested) {
            // YARN has ended this attempt already; it refuses an unregister from it.
            throw new AttemptEndedByClusterException("the YARN ResourceManager ended this ApplicationMaster attempt"
                    + " (shutdown request); it cannot be unregistered with " + finalStatus);
        }
        FinalApplicationStatus yarnStatus = switch (finalStatus) {
            case SUCCEEDED -> FinalApplicationStatus.SUCCEEDED;
            case FAILED -> FinalApplicationStatus.FAILED;
            case KILLED -> FinalApplicationStatus.KILLED;
            case UNKNOWN -> FinalApplicationStatus.UNDEFINED;
        };
        LOG.info("Unregistering the ApplicationMaster: {} ({})", yarnStatus, diagnostics);
        amrm.unregisterApplicationMaster(yarnStatus, diagnostics, null);
        PhaseLog.mark("am-unregistered", "status=" + yarnStatus);
    }

    @Override
    public void terminate() throws Exception {
        terminated = true;
        retryTimer.shutdownNow();
        launchExecutor.shutdownNow();
        for (Queue<PendingRequest> q : pending.values()) {
            for (Iterator<PendingRequest> it = q.iterator(); it.hasNext();) {
                it.next().future().completeExceptionally(new IllegalStateException("the YARN driver was terminated"));
                it.remove();
            }
        }
        for (StartingWorker w : starting.values()) {
            w.future().completeExceptionally(new IllegalStateException("the YARN driver was terminated"));
        }
        starting.clear();
        if (nm != null) {
            nm.stop();
        }
        if (amrm != null) {
            amrm.stop();
        }
    }

    /** Requested counts pending, allocated and running containers; allocated counts starting and running ones. */
    WorkerCounts counts() {
        int allocated = starting.size() + running.size();
        return new WorkerCounts(pendingCount() + allocated, allocated, running.size());
    }

    /** Tells the resource manager the counts, once per change, so users see progress while waiting. */
    private void reportCounts() {
        WorkerCounts now = counts();
        if (!now.equals(reportedCounts)) {
            reportedCounts = now;
            LOG.info("TaskExecutor containers: {} requested, {} allocated, {} running", now.requested(), now.allocated(),
                    now.running());
            handler.onWorkerCountsChanged(now);
        }
    }

    private String amrmAttemptDescription() {
        String container = System.getenv(org.apache.hadoop.yarn.api.ApplicationConstants.Environment.CONTAINER_ID.name());
        return container == null ? "this application" : "container " + container;
    }

    /** The NodeManager's page of the container's logs, as YARN's own UI links it. */
    private static String containerLogUrl(Container container) {
        String http = container.getNodeHttpAddress();
        if (http == null || http.isBlank()) {
            return null;
        }
        String user;
        try {
            user = org.apache.hadoop.security.UserGroupInformation.getCurrentUser().getShortUserName();
        } catch (java.io.IOException e) {
            user = System.getProperty("user.name");
        }
        return "http://" + http + "/node/containerlogs/" + container.getId() + "/" + user;
    }

    /** Largest container the cluster grants, as reported at registration (null before). */
    public Resource maximumContainer() {
        return maxContainer;
    }

    private final class AmrmCallbacks extends AMRMClientAsync.AbstractCallbackHandler {
        @Override
        public void onContainersCompleted(List<ContainerStatus> statuses) {
            List<ContainerStatus> copy = new ArrayList<>(statuses);
            mainThread.execute(() -> onCompleted(copy));
        }

        @Override
        public void onContainersAllocated(List<Container> containers) {
            List<Container> copy = new ArrayList<>(containers);
            mainThread.execute(() -> onAllocated(copy));
        }

        @Override
        public void onContainersUpdated(List<UpdatedContainer> containers) {
            // Spindle never asks for container updates.
        }

        @Override
        public void onShutdownRequest() {
            shutdownRequested = true;
            LOG.error("The YARN ResourceManager told ApplicationMaster of {} to shut down", amrmAttemptDescription());
            mainThread.execute(() -> handler.onError(new AttemptEndedByClusterException(
                    "the YARN ResourceManager told the ApplicationMaster to shut down (it no longer knows this attempt)")));
        }

        @Override
        public void onNodesUpdated(List<NodeReport> updatedNodes) {
            // Lost nodes show up as completed containers (ABORTED); nothing to do here.
        }

        @Override
        public float getProgress() {
            return currentProgress();
        }

        @Override
        public void onError(Throwable e) {
            LOG.error("The YARN ResourceManager client of {} failed: {}", amrmAttemptDescription(), e.toString());
            mainThread.execute(() -> handler.onError(e));
        }
    }

    private final class NmCallbacks extends NMClientAsync.AbstractCallbackHandler {
        @Override
        public void onContainerStarted(ContainerId containerId, Map<String, ByteBuffer> allServiceResponse) {
            mainThread.execute(() -> onStarted(containerId));
        }

        @Override
        public void onStartContainerError(ContainerId containerId, Throwable t) {
            mainThread.execute(() -> onStartFailed(containerId, t));
        }

        @Override
        public void onContainerStatusReceived(ContainerId containerId, ContainerStatus containerStatus) {
        }

        @Override
        public void onContainerStopped(ContainerId containerId) {
        }

        @Override
        public void onContainerResourceIncreased(ContainerId containerId, Resource resource) {
        }

        @Override
        public void onContainerResourceUpdated(ContainerId containerId, Resource resource) {
        }

        @Override
        public void onGetContainerStatusError(ContainerId containerId, Throwable t) {
        }

        @Override
        public void onIncreaseContainerResourceError(ContainerId containerId, Throwable t) {
        }

        @Override
        public void onUpdateContainerResourceError(ContainerId containerId, Throwable t) {
        }

        @Override
        public void onStopContainerError(ContainerId containerId, Throwable t) {
            LOG.warn("Stopping container {} failed: {}", containerId, t.toString());
        }
    }
}
