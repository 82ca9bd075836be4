package dev.spindle.runtime.resourcemanager;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.HeartbeatOptions;
import dev.spindle.configuration.ResourceManagerOptions;
import dev.spindle.configuration.RpcOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.heartbeat.HeartbeatMonitor;
import dev.spindle.runtime.metrics.PhaseLog;
import dev.spindle.api.JobID;
import dev.spindle.runtime.rpc.RpcClients;
import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.RequestSlotRequest;
import dev.spindle.runtime.rpc.proto.SlotStatus;
import dev.spindle.runtime.rpc.proto.TaskExecutorServiceGrpc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps track of TaskExecutors (registration, heartbeats, idleness), serves job masters' slot
 * requests through the {@link SlotManager}, and starts and stops workers through the
 * {@link ResourceManagerDriver}. All state lives on one main thread.
 */
public final class ResourceManager implements ResourceEventHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceManager.class);

    private record JobMasterRef(String host, int port, JobResourceListener listener) {
    }

    private record PendingWorker(WorkerNode worker, long startedAt) {
    }

    private final ResourceManagerDriver driver;
    private final RpcClients clients;
    private final ScheduledExecutorService mainThread;
    private final ExecutorService rpcCalls;
    private final WorkerResourceSpec workerSpec;
    private final long heartbeatIntervalMillis;
    private final long idleTimeoutMillis;
    private final long registrationTimeoutMillis;
    private final long rpcTimeoutMillis;
    private final SlotManager slotManager;
    private final HeartbeatMonitor<ResourceID> heartbeats;
    private final Map<JobID, JobMasterRef> jobMasters = new HashMap<>();
    private final Map<ResourceID, PendingWorker> pendingWorkers = new HashMap<>();
    // Released workers are on their way out; one that still tries to register must not come back.
    // Kept (with the release time) only for the registration timeout: the cluster stops a released
    // worker long before, so a long-lived session does not collect every worker it ever had.
    private final Map<ResourceID, Long> releasedWorkers = new HashMap<>();
    private volatile boolean closed;
    private final CompletableFuture<Throwable> fatalError = new CompletableFuture<>();
    // written on the driver's callbacks, read by REST threads: a whole snapshot, never torn
    private volatile WorkerCounts driverCounts = WorkerCounts.NONE;
    private final dev.spindle.runtime.security.tokens.DelegationTokenDistributor delegationTokens =
            new dev.spindle.runtime.security.tokens.DelegationTokenDistributor();

    public ResourceManager(Configuration configuration, ResourceManagerDriver driver, RpcClients clients) {
        this.driver = driver;
        this.clients = clients;
        this.mainThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "resource-manager");
            t.setDaemon(true);
            return t;
        });
        this.rpcCalls = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "resource-manager-rpc");
            t.setDaemon(true);
            return t;
        });
        int slots = configuration.get(TaskManagerOptions.NUM_TASK_SLOTS);
        this.workerSpec = new WorkerResourceSpec(configuration.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY),
                configuration.get(ResourceManagerOptions.TASK_MANAGER_CPU_CORES), slots);
        this.heartbeatIntervalMillis = configuration.get(HeartbeatOptions.HEARTBEAT_INTERVAL).toMillis();
        this.idleTimeoutMillis = configuration.get(ResourceManagerOptions.TASK_MANAGER_TIMEOUT).toMillis();
        this.registrationTimeoutMillis = configuration.get(ResourceManagerOptions.TASK_MANAGER_REGISTRATION_TIMEOUT).toMillis();
        this.rpcTimeoutMillis = configuration.get(RpcOptions.ASK_TIMEOUT).toMillis();
        this.slotManager = new SlotManager(slots, configuration.get(ResourceManagerOptions.MAX_SLOTS), new SlotManager.Actions() {
            @Override
            public void allocateSlot(RegisteredTaskExecutor te, int slot, JobID jobId, String allocationId) {
                askForSlot(te, slot, jobId, allocationId);
            }

            @Override
            public void startWorkers(int count) {
                for (int i = 0; i < count; i++) {
                    startWorker();
                }
            }
        });
        this.heartbeats = new HeartbeatMonitor<>(configuration.get(HeartbeatOptions.HEARTBEAT_TIMEOUT), mainThread,
                (id, silent) -> taskExecutorLost(id, "TaskExecutor " + id + " sent no heartbeat for " + silent
                        + " ms (heartbeat.timeout); it is considered lost", true));
    }

    /** Hands the driver its callbacks; called once RPC and REST are up. */
    public void start(ClusterAddresses addresses) throws Exception {
        call(() -> {
            driver.initialize(this, mainThread, addresses);
            return null;
        });
        long period = Math.max(10, Math.min(1000, Math.min(idleTimeoutMillis, registrationTimeoutMillis) / 4));
        mainThread.scheduleWithFixedDelay(this::checkTimeouts, period, period, TimeUnit.MILLISECONDS);
        LOG.info("Resource manager started; workers are {} MB, {} cores, {} slots", workerSpec.processMemory().getMebiBytes(),
                workerSpec.cpuCores(), workerSpec.numSlots());
    }

    /** Where the ApplicationMaster publishes renewed delegation tokens; TaskExecutors get them with their heartbeats. */
    public dev.spindle.runtime.security.tokens.DelegationTokenDistributor delegationTokens() {
        return delegationTokens;
    }

    public WorkerResourceSpec getWorkerSpec() {
        return workerSpec;
    }

    /** Runs {@code c} on the main thread and waits for it. */
    <T> T call(Callable<T> c) throws Exception {
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return c.call();
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, mainThread).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException ce ? ce.getCause() : e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    // ---- TaskExecutors --------------------------------------------------------------------

    Ack registerTaskExecutor(ResourceID id, String host, int port, int numSlots) {
        if (closed) {
            return Ack.newBuilder().setAccepted(false).setMessage("resource manager is shutting down").build();
        }
        if (releasedWorkers.containsKey(id)) {
            return Ack.newBuilder().setAccepted(false).setMessage("worker " + id + " was released by the resource manager").build();
        }
        RegisteredTaskExecutor existing = slotManager.get(id);
        if (existing != null) {
            heartbeats.heard(id);
            return Ack.newBuilder().setAccepted(true).setMessage("already registered").build();
        }
        PendingWorker pending = pendingWorkers.remove(id);
        if (pending != null) {
            slotManager.workerArrivedOrGone();
        }
        WorkerNode worker = pending != null ? pending.worker() : new WorkerNode(id, host, workerSpec);
        RegisteredTaskExecutor te = new RegisteredTaskExecutor(id, host, port, numSlots, worker);
        heartbeats.monitor(id);
        LOG.info("TaskExecutor {} registered from {}:{} with {} slots", id, host, port, numSlots);
        PhaseLog.mark("te-registered", "container=" + id);
        slotManager.addTaskExecutor(te);
        return Ack.newBuilder().setAccepted(true).build();
    }

    /** A heartbeat with the TaskExecutor's JVM figures ({@code process}; null when it sent none). */
    boolean heartbeatFromTaskExecutor(ResourceID id, List<SlotStatus> slots, dev.spindle.runtime.rpc.proto.ProcessMetrics process) {
        RegisteredTaskExecutor te = slotManager.get(id);
        if (te == null || !heartbeats.heard(id)) {
            return false;
        }
        te.lastHeartbeat = System.currentTimeMillis();
        if (process != null) {
            te.process = process;
        }
        slotManager.syncSlotReport(te, slots, heartbeatIntervalMillis + rpcTimeoutMillis);
        return true;
    }

    private void askForSlot(RegisteredTaskExecutor te, int slot, JobID jobId, String allocationId) {
        JobMasterRef jm = jobMasters.get(jobId);
        if (jm == null) {
            te.free(slot);
            return;
        }
        LOG.info("Allocating slot {} of TaskExecutor {} to job {}", slot, te.resourceId, jobId);
        RequestSlotRequest request = RequestSlotRequest.newBuilder().setJobId(jobId.toHexString()).setSlotIndex(slot)
                .setAllocationId(allocationId).setJobMasterHost(jm.host()).setJobMasterPort(jm.port()).build();
        rpcCalls.execute(() -> {
            String failure;
            try {
                Ack ack = TaskExecutorServiceGrpc.newBlockingStub(clients.channel(te.host, te.port))
                        .withDeadlineAfter(rpcTimeoutMillis, TimeUnit.MILLISECONDS).requestSlot(request);
                failure = ack.getAccepted() ? null : ack.getMessage();
            } catch (RuntimeException e) {
                failure = e.toString();
            }
            if (failure != null) {
                String why = failure;
                // the TaskExecutor may still be freeing the slot from a job that just ended: ask again shortly
                mainThread.schedule(() -> {
                    LOG.info("TaskExecutor {} did not allocate slot {} to job {} ({}); asking again", te.resourceId, slot, jobId, why);
                    if (allocationId.equals(te.allocationIds[slot])) {
                        te.free(slot);
                    }
                    if (jobMasters.containsKey(jobId)) {
                        slotManager.slotAllocationFailed(jobId);
                    } else {
                        slotManager.check();
                    }
                }, 100, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void startWorker() {
        LOG.info("Requesting a new worker ({} MB, {} slots)", workerSpec.processMemory().getMebiBytes(), workerSpec.numSlots());
        CompletableFuture<WorkerNode> f;
        try {
            f = driver.requestWorker(workerSpec);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenCompleteAsync((worker, error) -> {
            if (error != null) {
                LOG.warn("Starting a worker failed: {}", error.toString());
                slotManager.workerStartFailed();
            } else if (slotManager.get(worker.resourceId()) == null) {
                LOG.info("Worker {} started on {}; waiting for it to register", worker.resourceId(), worker.host());
                pendingWorkers.put(worker.resourceId(), new PendingWorker(worker, System.currentTimeMillis()));
            }
        }, mainThread);
    }

    private void checkTimeouts() {
        long now = System.currentTimeMillis();
        releasedWorkers.values().removeIf(releasedAt -> now - releasedAt > registrationTimeoutMillis);
        for (PendingWorker p : new ArrayList<>(pendingWorkers.values())) {
            if (now - p.startedAt() > registrationTimeoutMillis) {
                LOG.warn("Worker {} did not register within resourcemanager.taskmanager-registration.timeout ({} ms); releasing it",
                        p.worker().resourceId(), registrationTimeoutMillis);
                pendingWorkers.remove(p.worker().resourceId());
                release(p.worker());
                slotManager.workerArrivedOrGone();
                slotManager.check();
            }
        }
        if (slotManager.pendingSlotCount() > 0) {
            return;
        }
        for (RegisteredTaskExecutor te : slotManager.taskExecutors()) {
            if (te.isIdle() && now - te.idleSince > idleTimeoutMillis) {
                LOG.info("TaskExecutor {} was idle for {} ms (resourcemanager.taskmanager-timeout); releasing it", te.resourceId,
                        now - te.idleSince);
                slotManager.removeTaskExecutor(te.resourceId);
                heartbeats.unmonitor(te.resourceId);
                release(te.worker);
            }
        }
    }

    private void release(WorkerNode worker) {
        releasedWorkers.put(worker.resourceId(), System.currentTimeMillis());
        driver.releaseWorker(worker);
    }

    private void taskExecutorLost(ResourceID id, String cause, boolean release) {
        RegisteredTaskExecutor te = slotManager.get(id);
        if (te == null) {
            return;
        }
        LOG.warn("Lost TaskExecutor {}: {}", id, cause);
        List<JobID> jobs = slotManager.jobsOn(te);
        slotManager.removeTaskExecutor(id);
        heartbeats.unmonitor(id);
        if (release) {
            release(te.worker);
        }
        for (JobID job : jobs) {
            JobMasterRef jm = jobMasters.get(job);
            if (jm != null) {
                jm.listener().onTaskExecutorLost(id, cause);
            }
        }
    }

    @Override
    public void onWorkerTerminated(ResourceID resourceId, String diagnostics) {
        String cause = "worker " + resourceId + " terminated: " + diagnostics;
        if (pendingWorkers.remove(resourceId) != null) {
            LOG.warn("Worker {} ended before registering: {}", resourceId, diagnostics);
            slotManager.workerArrivedOrGone();
            slotManager.check();
            return;
        }
        taskExecutorLost(resourceId, cause, false);
    }

    @Override
    public void onPreviousAttemptWorkers(List<WorkerNode> workers) {
        long now = System.currentTimeMillis();
        int coming = 0;
        for (WorkerNode worker : workers) {
            if (slotManager.get(worker.resourceId()) == null && pendingWorkers.putIfAbsent(worker.resourceId(),
                    new PendingWorker(worker, now)) == null) {
                coming++;
                LOG.info("Worker {} on {} kept from an earlier attempt; waiting for it to register", worker.resourceId(),
                        worker.host());
            }
        }
        slotManager.workersComing(coming);
    }

    @Override
    public void onWorkerCountsChanged(WorkerCounts counts) {
        driverCounts = counts;
    }

    /** How many released workers are remembered (to refuse their late registration). */
    int releasedWorkerCount() throws Exception {
        return call(releasedWorkers::size);
    }

    /** The driver's last reported worker counts (requested, allocated, running). */
    public WorkerCounts driverWorkerCounts() {
        return driverCounts;
    }

    @Override
    public void onError(Throwable error) {
        if (fatalError.complete(error)) {
            LOG.error("The resource manager driver failed; no more workers can be started and the cluster ends: {}",
                    error.toString());
        }
    }

    /**
     * Completes with the driver's error once the driver can no longer go on (the cluster below lost
     * or ended this application); whoever runs the cluster must then end it.
     */
    public CompletableFuture<Throwable> fatalError() {
        return fatalError;
    }

    // ---- job masters (in-process) ----------------------------------------------------------

    /** Announces a job master (reachable at host:port) and where to tell it about lost TaskExecutors. */
    public void registerJobMaster(JobID jobId, String host, int port, JobResourceListener listener) {
        mainThread.execute(() -> jobMasters.put(jobId, new JobMasterRef(host, port, listener)));
    }

    /**
     * Starts workers for {@code slots} slots before a job asks for them (application mode knows its
     * parallelism at startup); workers no job uses are released after the idle timeout.
     */
    public void startWorkersAhead(int slots) {
        mainThread.execute(() -> {
            int needed = (slots + workerSpec.numSlots() - 1) / workerSpec.numSlots();
            // workers kept from an earlier attempt are registered or on their way already
            int have = slotManager.taskExecutors().size() + slotManager.workersInFlight();
            int workers = Math.max(0, needed - have);
            LOG.info("Starting {} workers ahead of the first job ({} slots; {} workers there or coming)", workers, slots, have);
            slotManager.startWorkersAhead(workers);
        });
    }

    /** Asks for {@code count} more slots for the job; they arrive as offers from TaskExecutors. */
    public void requestSlots(JobID jobId, int count) {
        mainThread.execute(() -> {
            LOG.info("Job {} requests {} slots", jobId, count);
            slotManager.requestSlots(jobId, count);
        });
    }

    /**
     * The job gives back every slot it holds and every request it has pending (its job master
     * freed them at the TaskExecutors), to ask for all it needs again at once.
     */
    public void returnSlots(JobID jobId) {
        mainThread.execute(() -> {
            LOG.info("Job {} returns its slots", jobId);
            slotManager.releaseJob(jobId);
        });
    }

    /** The job ended (its job master freed its slots at the TaskExecutors). */
    public void unregisterJobMaster(JobID jobId) {
        mainThread.execute(() -> {
            jobMasters.remove(jobId);
            slotManager.releaseJob(jobId);
        });
    }

    public CompletableFuture<List<TaskExecutorInfo>> listTaskExecutors() {
        return CompletableFuture.supplyAsync(() -> slotManager.taskExecutors().stream().map(RegisteredTaskExecutor::info).toList(), mainThread);
    }

    /** The RPC service TaskExecutors register and send heartbeats to. */
    public io.grpc.BindableService createRpcService() {
        return new ResourceManagerGrpcService(this);
    }

    /** Tells the cluster the application ended (YARN: unregisters the AM). */
    public void deregisterApplication(ApplicationStatus status, String diagnostics) throws Exception {
        call(() -> {
            driver.deregisterApplication(status, diagnostics);
            return null;
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            call(() -> {
                heartbeats.close();
                driver.terminate();
                return null;
            });
        } catch (Exception e) {
            LOG.warn("Terminating the resource manager driver failed: {}", e.toString());
        }
        mainThread.shutdownNow();
        rpcCalls.shutdownNow();
    }
}
