package dev.spindle.runtime.taskexecutor;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.HeartbeatOptions;
import dev.spindle.configuration.IoOptions;
import dev.spindle.configuration.RpcOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.io.network.ProducerLocation;
import dev.spindle.runtime.io.network.ShuffleEnvironment;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import dev.spindle.runtime.jobgraph.JobVertexID;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.rpc.ClusterFencing;
import dev.spindle.runtime.rpc.JobGraphs;
import dev.spindle.runtime.rpc.RpcAddress;
import dev.spindle.runtime.rpc.RpcClients;
import dev.spindle.runtime.rpc.RpcServer;
import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.FinalCommitRequest;
import dev.spindle.runtime.rpc.proto.HeartbeatResponse;
import dev.spindle.runtime.rpc.proto.JobMasterHeartbeatRequest;
import dev.spindle.runtime.rpc.proto.JobMasterServiceGrpc;
import dev.spindle.runtime.rpc.proto.OfferSlotsRequest;
import dev.spindle.runtime.rpc.proto.OfferSlotsResponse;
import dev.spindle.runtime.rpc.proto.RegisterTaskExecutorRequest;
import dev.spindle.runtime.rpc.proto.RequestSlotRequest;
import dev.spindle.runtime.rpc.proto.ResourceManagerServiceGrpc;
import dev.spindle.runtime.rpc.proto.SlotLocation;
import dev.spindle.runtime.rpc.proto.SlotOffer;
import dev.spindle.runtime.rpc.proto.SubmitTaskRequest;
import dev.spindle.runtime.rpc.proto.TaskExecutorHeartbeat;
import dev.spindle.runtime.rpc.proto.TaskMetrics;
import dev.spindle.runtime.rpc.proto.OperatorMetrics;
import dev.spindle.runtime.metrics.OperatorIOMetrics;
import dev.spindle.runtime.metrics.PhaseLog;
import dev.spindle.runtime.metrics.ProcessMetricsSampler;
import dev.spindle.runtime.metrics.TaskIOMetrics;
import dev.spindle.runtime.rpc.proto.TaskState;
import dev.spindle.runtime.rpc.proto.TaskStateUpdate;
import dev.spindle.runtime.task.FinalCommitFence;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.tls.TransportSecurity;
import io.grpc.BindableService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process's runtime: N slots, registration and heartbeats with the resource manager,
 * slot offers and heartbeats to job masters, and the subtasks it runs. Hosts one RPC server with
 * the TaskExecutor and DataExchange services.
 */
public final class TaskExecutor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);

    /** Exit codes of {@link #getTerminationFuture()}. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_LOST_RESOURCE_MANAGER = 1;
    public static final int EXIT_REGISTRATION_FAILED = 2;
    /** A canceled task's thread did not end within task.cancellation.timeout: only the process's end frees its slot. */
    public static final int EXIT_TASK_CANCELLATION_TIMEOUT = 3;

    private record JobMasterAddress(String host, int port) {
    }

    private record TaskKey(JobID jobId, JobVertexID vertexId, int subtask, int attempt) {
    }

    private final Configuration configuration;
    private final ResourceID resourceId;
    // changed only on the heartbeat thread, when the resource manager moved to a new attempt
    private volatile String rmHost;
    private volatile int rmPort;
    private final ResourceManagerLocator resourceManagerLocator;
    private final ClusterSecret secret;
    private final String bindHost;
    private final int numSlots;
    private final long heartbeatIntervalMillis;
    private final long heartbeatTimeoutMillis;
    private final long rpcTimeoutMillis;
    private final TaskSlotTable slots;
    private final RpcClients clients;
    private final ShuffleEnvironment shuffle;
    private final JobClassLoaderCache classLoaders;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService rpcCallers;
    private final Map<TaskKey, Task> tasks = new ConcurrentHashMap<>();
    private final Map<JobID, JobMasterAddress> jobMasters = new ConcurrentHashMap<>();
    private final Map<JobID, Long> jobMasterLastHeard = new ConcurrentHashMap<>();
    private final Map<JobID, JobGraph> jobGraphs = new ConcurrentHashMap<>();
    /**
     * Final states of tasks that ended here and that their job master has not confirmed yet: carried
     * on every heartbeat to it until one is answered, so a lost update cannot leave the job waiting.
     */
    private final Map<TaskKey, TaskStateUpdate> unconfirmedFinalStates = new ConcurrentHashMap<>();
    /**
     * Attempts whose cancel arrived before their submission (the two RPCs can overtake each other):
     * the late submission is refused. Guarded by {@link #submitOrCancel}; emptied when the job is released.
     */
    private final java.util.Set<TaskKey> canceledBeforeSubmit = new java.util.HashSet<>();
    private final Object submitOrCancel = new Object();
    private final long cancellationTimeoutMillis;
    private final CompletableFuture<Integer> termination = new CompletableFuture<>();
    private final CompletableFuture<Void> firstRegistration = new CompletableFuture<>();
    private final DownloadDirectory workDir;
    private RpcServer server;
    private volatile boolean registered;
    private volatile boolean killed;
    private volatile long rmLastHeard;
    /** Version of the delegation tokens last received from the resource manager; 0: those of the launch. */
    private volatile long delegationTokensVersion;
    /** The configured memory model, carried with the JVM figures on every heartbeat. */
    private final dev.spindle.runtime.rpc.proto.ProcessMetrics memoryModel;

    public TaskExecutor(Configuration configuration, ResourceID resourceId, String rmHost, int rmPort, ClusterSecret secret,
            String bindHost) throws IOException {
        this(configuration, resourceId, rmHost, rmPort, secret, bindHost, null);
    }

    /**
     * {@code localDir} is this TaskExecutor's own dir (a YARN container's working dir), where user
     * jars are downloaded unless {@code io.tmp.dirs} is set; null for the temp dir.
     */
    public TaskExecutor(Configuration configuration, ResourceID resourceId, String rmHost, int rmPort, ClusterSecret secret,
            String bindHost, Path localDir) throws IOException {
        this(configuration, resourceId, rmHost, rmPort, secret, bindHost, localDir, ResourceManagerLocator.fixed(), null);
    }

    /** As above, following the resource manager to where {@code locator} says it moved once it stops answering. */
    public TaskExecutor(Configuration configuration, ResourceID resourceId, String rmHost, int rmPort, ClusterSecret secret,
            String bindHost, Path localDir, ResourceManagerLocator locator) throws IOException {
        this(configuration, resourceId, rmHost, rmPort, secret, bindHost, localDir, locator, null);
    }

    /**
     * @param locator where the resource manager runs once the one at rmHost:rmPort stops answering
     * @param outgoing sees every RPC this TaskExecutor makes, before it leaves: how tests inject lost
     *     or altered messages; null for none
     */
    public TaskExecutor(Configuration configuration, ResourceID resourceId, String rmHost, int rmPort, ClusterSecret secret,
            String bindHost, Path localDir, ResourceManagerLocator locator, io.grpc.ClientInterceptor outgoing) throws IOException {
        this.configuration = configuration;
        this.resourceManagerLocator = locator;
        this.resourceId = resourceId;
        this.rmHost = rmHost;
        this.rmPort = rmPort;
        this.secret = secret.withTransport(TransportSecurity.from(configuration));
        this.bindHost = bindHost;
        this.numSlots = configuration.get(TaskManagerOptions.NUM_TASK_SLOTS);
        if (numSlots < 1) {
            throw new IllegalArgumentException("taskmanager.numberOfTaskSlots must be at least 1, was " + numSlots);
        }
        this.heartbeatIntervalMillis = configuration.get(HeartbeatOptions.HEARTBEAT_INTERVAL).toMillis();
        this.heartbeatTimeoutMillis = configuration.get(HeartbeatOptions.HEARTBEAT_TIMEOUT).toMillis();
        this.rpcTimeoutMillis = configuration.get(RpcOptions.ASK_TIMEOUT).toMillis();
        this.cancellationTimeoutMillis = configuration.get(TaskManagerOptions.TASK_CANCELLATION_TIMEOUT).toMillis();
        this.slots = new TaskSlotTable(numSlots);
        this.memoryModel = memoryModel(configuration);
        this.clients = new RpcClients(this.secret, configuration.get(RpcOptions.MAX_MESSAGE_BYTES), outgoing,
                dev.spindle.runtime.rpc.RpcKeepAlive.from(configuration));
        this.shuffle = new ShuffleEnvironment(resourceId.id(), configuration, clients);
        Path parent = configuration.getOptional(IoOptions.TMP_DIRS).map(Paths::get)
                .orElse(localDir != null ? localDir : Paths.get(System.getProperty("java.io.tmpdir")));
        this.workDir = DownloadDirectory.createIn(parent);
        this.classLoaders = new JobClassLoaderCache(workDir.path(), configuration);
        this.scheduler = Executors.newScheduledThreadPool(1, r -> daemon(r, "te-heartbeat " + resourceId));
        this.rpcCallers = Executors.newSingleThreadExecutor(r -> daemon(r, "te-rpc " + resourceId));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Starts the RPC server and begins registering with the resource manager. */
    public void start() throws IOException {
        // Connecting to the resource manager (the TLS handshake of a cold JVM: ~0.5 s) needs nothing of this
        // server, so it runs on the heartbeat thread and the channel's event loop while the server starts.
        scheduler.execute(() -> clients.channel(rmHost, rmPort).getState(true));
        // Only the cluster this TaskExecutor is registered with may deploy, cancel or free here; data exchange is between TaskExecutors.
        io.grpc.ServerInterceptor fence = ClusterFencing.admitOnly(() -> new RpcAddress(rmHost, rmPort), "TaskExecutor " + resourceId);
        TaskExecutorGrpcService control = new TaskExecutorGrpcService(this);
        List<BindableService> services = List.of(() -> io.grpc.ServerInterceptors.intercept(control, fence),
                shuffle.createDataExchangeService());
        server = RpcServer.start(bindHost, 0, secret, configuration.get(RpcOptions.MAX_MESSAGE_BYTES), services,
                dev.spindle.runtime.rpc.RpcKeepAlive.from(configuration));
        LOG.info("TaskExecutor {} with {} slots started at {}:{}", resourceId, numSlots, server.getHost(), server.getPort());
        PhaseLog.mark("te-rpc-listening", "container=" + resourceId);
        long deadline = System.currentTimeMillis() + configuration.get(TaskManagerOptions.REGISTRATION_TIMEOUT).toMillis();
        scheduler.execute(() -> register(deadline, 50));
    }

    public ResourceID getResourceId() {
        return resourceId;
    }

    public String getHost() {
        return server.getHost();
    }

    public int getPort() {
        return server.getPort();
    }

    public ShuffleEnvironment getShuffleEnvironment() {
        return shuffle;
    }

    public boolean isRegistered() {
        return registered;
    }

    /** Completes once this TaskExecutor registered with the resource manager for the first time. */
    public CompletableFuture<Void> getRegistrationFuture() {
        return firstRegistration;
    }

    /** The tasks whose threads still run here ("name (i/n) attempt a of job j"), for diagnosis and tests. */
    public List<String> describeLiveTasks() {
        List<String> live = new ArrayList<>();
        for (Task t : tasks.values()) {
            if (!t.threadEnded().isDone()) {
                live.add(t.deployment().describe());
            }
        }
        return live;
    }

    /** Completes with the exit code once this TaskExecutor has stopped. */
    public CompletableFuture<Integer> getTerminationFuture() {
        return termination;
    }

    // ---- resource manager ----------------------------------------------------------------

    private void register(long deadline, long backoffMillis) {
        if (termination.isDone()) {
            return;
        }
        try {
            Ack ack = ResourceManagerServiceGrpc.newBlockingStub(clients.channel(rmHost, rmPort))
                    .withDeadlineAfter(rpcTimeoutMillis, TimeUnit.MILLISECONDS)
                    .registerTaskExecutor(RegisterTaskExecutorRequest.newBuilder()
                            .setResourceId(resourceId.id()).setHost(server.getHost()).setPort(server.getPort()).setNumSlots(numSlots).build());
            if (!ack.getAccepted()) {
                throw new IllegalStateException("registration refused: " + ack.getMessage());
            }
            registered = true;
            firstRegistration.complete(null);
            rmLastHeard = System.currentTimeMillis();
            LOG.info("TaskExecutor {} registered with the resource manager at {}:{}", resourceId, rmHost, rmPort);
            scheduler.schedule(this::heartbeat, heartbeatIntervalMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            if (System.currentTimeMillis() + backoffMillis > deadline) {
                LOG.error("TaskExecutor {} could not register with the resource manager at {}:{} before taskmanager.registration.timeout: {}",
                        resourceId, rmHost, rmPort, e.toString());
                terminate(EXIT_REGISTRATION_FAILED);
                return;
            }
            LOG.debug("Registration of {} failed, retrying in {} ms: {}", resourceId, backoffMillis, e.toString());
            scheduler.schedule(() -> register(deadline, Math.min(backoffMillis * 2, 5000)), backoffMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void heartbeat() {
        if (termination.isDone()) {
            return;
        }
        long deadline = Math.max(heartbeatIntervalMillis, 500);
        try {
            HeartbeatResponse response = ResourceManagerServiceGrpc.newBlockingStub(clients.channel(rmHost, rmPort))
                    .withDeadlineAfter(deadline, TimeUnit.MILLISECONDS)
                    .heartbeat(TaskExecutorHeartbeat.newBuilder().setResourceId(resourceId.id()).addAllSlots(slots.report())
                            .setProcess(ProcessMetricsSampler.sample(memoryModel))
                            .setDelegationTokensVersion(delegationTokensVersion).build());
            boolean known = response.getKnown();
            rmLastHeard = System.currentTimeMillis();
            if (response.getDelegationTokensVersion() > delegationTokensVersion) {
                receiveDelegationTokens(response.getDelegationTokensVersion(), response.getDelegationTokens().toByteArray());
            }
            if (!known) {
                LOG.warn("Resource manager no longer knows TaskExecutor {}; registering again", resourceId);
                registered = false;
                scheduler.execute(() -> register(System.currentTimeMillis()
                        + configuration.get(TaskManagerOptions.REGISTRATION_TIMEOUT).toMillis(), 50));
                heartbeatJobMasters(deadline);
                return;
            }
        } catch (RuntimeException e) {
            if (followMovedResourceManager()) {
                return;
            }
            long silent = System.currentTimeMillis() - rmLastHeard;
            if (silent > heartbeatTimeoutMillis) {
                LOG.error("TaskExecutor {} lost the resource manager at {}:{} (no answer for {} ms); canceling all tasks and stopping",
                        resourceId, rmHost, rmPort, silent);
                terminate(EXIT_LOST_RESOURCE_MANAGER);
                return;
            }
        }
        heartbeatJobMasters(deadline);
        scheduler.schedule(this::heartbeat, heartbeatIntervalMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * When the resource manager stopped answering because a new attempt replaced it elsewhere:
     * gives up everything the old attempt deployed here (its job masters are gone; the new attempt
     * resumes the jobs from their checkpoints) and registers with the new one. Returns whether it moved.
     */
    private boolean followMovedResourceManager() {
        Optional<RpcAddress> now;
        try {
            now = resourceManagerLocator.current();
        } catch (IOException | RuntimeException e) {
            LOG.debug("TaskExecutor {} could not look up where its resource manager runs now: {}", resourceId, e.toString());
            return false;
        }
        if (now.isEmpty() || (now.get().host().equals(rmHost) && now.get().port() == rmPort)) {
            return false;
        }
        LOG.warn("TaskExecutor {} lost the resource manager at {}:{}, which runs at {} now (a new attempt); releasing the old"
                + " attempt's tasks and registering there", resourceId, rmHost, rmPort, now.get());
        Set<JobID> jobs = new HashSet<>(jobMasters.keySet());
        tasks.keySet().forEach(k -> jobs.add(k.jobId()));
        for (JobID jobId : jobs) {
            releaseJob(jobId, "the resource manager moved to " + now.get() + "; the new attempt redeploys job " + jobId);
        }
        rmHost = now.get().host();
        rmPort = now.get().port();
        registered = false;
        rmLastHeard = System.currentTimeMillis();
        // the new attempt numbers its token generations afresh
        delegationTokensVersion = 0;
        scheduler.execute(() -> register(System.currentTimeMillis()
                + configuration.get(TaskManagerOptions.REGISTRATION_TIMEOUT).toMillis(), 50));
        return true;
    }

    private void receiveDelegationTokens(long version, byte[] serialized) {
        try {
            int count = dev.spindle.runtime.security.tokens.UgiTokenReceiver.addToCurrentUser(serialized);
            delegationTokensVersion = version;
            LOG.info("TaskExecutor {} received {} delegation tokens (version {})", resourceId, count, version);
        } catch (java.io.IOException | RuntimeException e) {
            // The version stays behind: the next heartbeat brings the tokens again.
            LOG.error("TaskExecutor {} could not read delegation tokens version {}: {}", resourceId, version, e.toString());
        }
    }

    /** Version of the delegation tokens this TaskExecutor last received (0: none since its launch). */
    public long getDelegationTokensVersion() {
        return delegationTokensVersion;
    }

    private void heartbeatJobMasters(long deadline) {
        for (Map.Entry<JobID, JobMasterAddress> e : jobMasters.entrySet()) {
            JobID jobId = e.getKey();
            JobMasterHeartbeatRequest.Builder req = JobMasterHeartbeatRequest.newBuilder()
                    .setJobId(jobId.toHexString()).setResourceId(resourceId.id());
            for (Task t : tasks.values()) {
                if (t.deployment().jobGraph().getJobId().equals(jobId)) {
                    req.addTasks(taskMetrics(t));
                }
            }
            Map<TaskKey, TaskStateUpdate> carried = new java.util.HashMap<>();
            unconfirmedFinalStates.forEach((key, update) -> {
                if (key.jobId().equals(jobId)) {
                    carried.put(key, update);
                }
            });
            req.addAllFinalStates(carried.values());
            try {
                boolean known = JobMasterServiceGrpc.newBlockingStub(clients.channel(e.getValue().host(), e.getValue().port()))
                        .withDeadlineAfter(deadline, TimeUnit.MILLISECONDS).heartbeat(req.build()).getKnown();
                if (known) {
                    carried.forEach(unconfirmedFinalStates::remove);
                    jobMasterLastHeard.put(jobId, System.currentTimeMillis());
                } else {
                    releaseJob(jobId, "the job master of job " + jobId + " no longer knows this TaskExecutor");
                }
            } catch (RuntimeException ex) {
                long silent = System.currentTimeMillis() - jobMasterLastHeard.getOrDefault(jobId, System.currentTimeMillis());
                if (silent > heartbeatTimeoutMillis) {
                    releaseJob(jobId, "lost the job master of job " + jobId + " (no answer for " + silent + " ms)");
                }
            }
        }
    }

    /**
     * The memory model of this TaskExecutor's configuration. A container's was validated before launch; a
     * MiniCluster's threads share the test JVM and may have settings no model derives from: they report none.
     */
    private static dev.spindle.runtime.rpc.proto.ProcessMetrics memoryModel(Configuration configuration) {
        try {
            return ProcessMetricsSampler.memoryModel(dev.spindle.configuration.memory.TaskExecutorProcessSpec.fromConfiguration(configuration));
        } catch (RuntimeException e) {
            LOG.info("No memory model to report for this TaskExecutor: {}", e.getMessage());
            return dev.spindle.runtime.rpc.proto.ProcessMetrics.getDefaultInstance();
        }
    }

    private static TaskMetrics taskMetrics(Task t) {
        TaskIOMetrics m = t.metrics();
        TaskMetrics.Builder b = TaskMetrics.newBuilder().setVertexId(t.deployment().vertex().getId().toHexString())
                .setSubtask(t.deployment().subtask()).setAttempt(t.deployment().attempt())
                .setRecordsIn(m.getRecordsIn()).setRecordsOut(m.getRecordsOut()).setBytesIn(m.getBytesIn()).setBytesOut(m.getBytesOut())
                .setRunningNanos(m.getRunningNanos()).setIdleNanos(m.getIdleNanos()).setBackpressuredNanos(m.getBackpressuredNanos());
        long now = System.currentTimeMillis();
        List<OperatorIOMetrics> operators = m.getOperators();
        for (int i = 0; i < operators.size(); i++) {
            OperatorIOMetrics o = operators.get(i);
            // the head operator's input is the task's input
            OperatorMetrics.Builder ob = OperatorMetrics.newBuilder().setName(o.getName())
                    .setRecordsIn(i == 0 ? m.getRecordsIn() : o.getRecordsIn()).setRecordsOut(o.getRecordsOut());
            if (o.hasWatermark()) {
                long wm = o.getWatermark();
                // the final watermark (end of input) is no point in event time: no lag to speak of
                ob.setHasWatermark(true).setWatermark(wm).setWatermarkLagMs(wm == Long.MAX_VALUE ? 0 : now - wm);
            }
            b.addOperators(ob);
        }
        dev.spindle.runtime.metrics.InputProgress progress = m.getSourceProgress();
        if (progress != null) {
            b.setBoundedSource(true).setSourceConsumed(progress.inputConsumed()).setSourceTotal(Math.max(0, progress.inputTotal()));
        }
        b.setOutputBuffers(t.outputBuffers()).setInputBuffers(t.inputBuffers());
        return b.build();
    }

    // ---- calls from the resource manager and job masters ----------------------------------

    Ack requestSlot(RequestSlotRequest request) {
        JobID jobId = JobID.fromHexString(request.getJobId());
        if (!slots.allocate(request.getSlotIndex(), jobId, request.getAllocationId())) {
            return Ack.newBuilder().setAccepted(false).setMessage("slot " + request.getSlotIndex() + " of " + resourceId + " is not free").build();
        }
        LOG.info("Slot {} of {} allocated to job {} ({})", request.getSlotIndex(), resourceId, jobId, request.getAllocationId());
        JobMasterAddress jm = new JobMasterAddress(request.getJobMasterHost(), request.getJobMasterPort());
        jobMasters.put(jobId, jm);
        jobMasterLastHeard.putIfAbsent(jobId, System.currentTimeMillis());
        rpcCallers.execute(() -> offerSlot(jobId, jm, request.getSlotIndex(), request.getAllocationId()));
        return Ack.newBuilder().setAccepted(true).build();
    }

    private void offerSlot(JobID jobId, JobMasterAddress jm, int slotIndex, String allocationId) {
        try {
            OfferSlotsResponse r = JobMasterServiceGrpc.newBlockingStub(clients.channel(jm.host(), jm.port()))
                    .withDeadlineAfter(rpcTimeoutMillis, TimeUnit.MILLISECONDS)
                    .offerSlots(OfferSlotsRequest.newBuilder().setJobId(jobId.toHexString()).setResourceId(resourceId.id())
                            .setHost(server.getHost()).setPort(server.getPort())
                            .addOffers(SlotOffer.newBuilder().setSlotIndex(slotIndex).setAllocationId(allocationId)).build());
            if (!r.getAcceptedAllocationIdsList().contains(allocationId)) {
                LOG.info("Job master of job {} declined slot {} of {}; freeing it", jobId, slotIndex, resourceId);
                freeSlot(jobId, allocationId);
            }
        } catch (RuntimeException e) {
            LOG.warn("Offering slot {} of {} to the job master of job {} failed; freeing it: {}", slotIndex, resourceId, jobId, e.toString());
            freeSlot(jobId, allocationId);
        }
    }

    private void freeSlot(JobID jobId, String allocationId) {
        slots.free(allocationId);
        if (!slots.hasJob(jobId)) {
            releaseJob(jobId, "no slots left for job " + jobId);
        }
    }

    Ack submitTask(SubmitTaskRequest request) throws IOException {
        JobID jobId = JobID.fromHexString(request.getJobId());
        if (!slots.isAllocated(jobId, request.getAllocationId())) {
            return Ack.newBuilder().setAccepted(false).setMessage("no slot " + request.getAllocationId() + " for job " + jobId
                    + " on " + resourceId).build();
        }
        JobMasterAddress jm = jobMasters.get(jobId);
        if (jm == null) {
            return Ack.newBuilder().setAccepted(false).setMessage("job " + jobId + " has no job master on " + resourceId).build();
        }
        JobGraph graph = jobGraphs.get(jobId);
        if (graph == null) {
            graph = JobGraphs.deserialize(request.getJobGraph().newInput());
            jobGraphs.put(jobId, graph);
        }
        List<ProducerLocation> locations = new ArrayList<>();
        for (SlotLocation l : request.getSlotLocationsList()) {
            locations.add(new ProducerLocation(l.getResourceId(), l.getHost(), l.getPort()));
        }
        dev.spindle.runtime.checkpoint.TaskRestore restore = dev.spindle.runtime.checkpoint.TaskRestore.NONE;
        if (request.hasRestore()) {
            var r = request.getRestore();
            java.util.Map<String, dev.spindle.runtime.checkpoint.OperatorStateFiles> allFiles = new java.util.HashMap<>();
            r.getAllFilesByUidMap().forEach((uid, f) -> allFiles.put(uid,
                    new dev.spindle.runtime.checkpoint.OperatorStateFiles(f.getParallelism(), f.getFileBySubtaskMap())));
            restore = new dev.spindle.runtime.checkpoint.TaskRestore(r.getCheckpointId(), r.getDirectory(), r.getStateFileByUidMap(),
                    r.getFinished(), allFiles);
        }
        TaskDeployment d = new TaskDeployment(graph, graph.vertex(JobVertexID.fromHexString(request.getVertexId())), request.getSubtask(),
                request.getAttempt(), request.getAllocationId(), locations, restore);
        Task task = new Task(d, configuration, shuffle, classLoaders, (t, update) -> onTaskStateChange(t, update, jm),
                resourceId.id(), new RpcCheckpointResponder(d, jm), finalCommitFence(d, jm));
        TaskKey key = new TaskKey(jobId, d.vertex().getId(), d.subtask(), d.attempt());
        synchronized (submitOrCancel) {
            if (canceledBeforeSubmit.remove(key)) {
                LOG.info("Refusing {} on {}: its cancel arrived first", d.describe(), resourceId);
                return Ack.newBuilder().setAccepted(false).setMessage(d.describe() + " was canceled before it arrived on " + resourceId)
                        .build();
            }
            tasks.put(key, task);
        }
        LOG.info("Deploying {} on {}", d.describe(), resourceId);
        task.start();
        return Ack.newBuilder().setAccepted(true).build();
    }

    Ack triggerCheckpoint(dev.spindle.runtime.rpc.proto.TriggerCheckpointRequest r) {
        Task t = tasks.get(new TaskKey(JobID.fromHexString(r.getJobId()), JobVertexID.fromHexString(r.getVertexId()), r.getSubtask(),
                r.getAttempt()));
        boolean triggered = t != null && t.triggerCheckpoint(new dev.spindle.runtime.checkpoint.CheckpointBarrier(r.getCheckpointId(),
                r.getTimestamp(), r.getTargetDirectory(), r.getSavepoint()));
        return triggered ? Ack.newBuilder().setAccepted(true).build()
                : Ack.newBuilder().setAccepted(false).setMessage("task " + (t == null ? "is not running on " + resourceId
                        : t.deployment().describe() + " is not running or is no checkpointing source")).build();
    }

    Ack notifyCheckpointComplete(dev.spindle.runtime.rpc.proto.NotifyCheckpointCompleteRequest r) {
        Task t = tasks.get(new TaskKey(JobID.fromHexString(r.getJobId()), JobVertexID.fromHexString(r.getVertexId()), r.getSubtask(),
                r.getAttempt()));
        if (t != null) {
            t.notifyCheckpointComplete(r.getCheckpointId());
        }
        return Ack.newBuilder().setAccepted(t != null).build();
    }

    /** The job master that deployed {@code d} decides whether it commits at its end; it is given up after heartbeat.timeout. */
    private FinalCommitFence finalCommitFence(TaskDeployment d, JobMasterAddress jm) {
        FinalCommitRequest request = FinalCommitRequest.newBuilder().setJobId(d.jobGraph().getJobId().toHexString())
                .setVertexId(d.vertex().getId().toHexString()).setSubtask(d.subtask()).setAttempt(d.attempt())
                .setAllocationId(d.allocationId()).build();
        return new JobMasterFinalCommitFence(d.describe(), request, () -> clients.channel(jm.host(), jm.port()), rpcTimeoutMillis,
                heartbeatTimeoutMillis);
    }

    /** Sends a task's checkpoint answers to the job master that deployed it, off the task's threads. */
    private final class RpcCheckpointResponder implements dev.spindle.runtime.checkpoint.CheckpointResponder {

        private final TaskDeployment d;
        private final JobMasterAddress jm;

        RpcCheckpointResponder(TaskDeployment d, JobMasterAddress jm) {
            this.d = d;
            this.jm = jm;
        }

        @Override
        public void acknowledge(long checkpointId, dev.spindle.runtime.checkpoint.TaskStateHandle handle) {
            var ack = dev.spindle.runtime.rpc.proto.CheckpointAck.newBuilder().setJobId(d.jobGraph().getJobId().toHexString())
                    .setVertexId(d.vertex().getId().toHexString()).setSubtask(d.subtask()).setAttempt(d.attempt())
                    .setCheckpointId(checkpointId).setStateFile(handle.fileName()).setStateSize(handle.sizeInBytes())
                    .addAllOperatorUids(handle.operatorUids()).build();
            send(() -> JobMasterServiceGrpc.newBlockingStub(clients.channel(jm.host(), jm.port()))
                    .withDeadlineAfter(rpcTimeoutMillis, TimeUnit.MILLISECONDS).acknowledgeCheckpoint(ack), checkpointId);
        }

        @Override
        public void decline(long checkpointId, String reason) {
            var decline = dev.spindle.runtime.rpc.proto.CheckpointDecline.newBuilder().setJobId(d.jobGraph().getJobId().toHexString())
                    .setVertexId(d.vertex().getId().toHexString()).setSubtask(d.subtask()).setAttempt(d.attempt())
                    .setCheckpointId(checkpointId).setReason(reason).build();
            send(() -> JobMasterServiceGrpc.newBlockingStub(clients.channel(jm.host(), jm.port()))
                    .withDeadlineAfter(rpcTimeoutMillis, TimeUnit.MILLISECONDS).declineCheckpoint(decline), checkpointId);
        }

        private void send(Runnable call, long checkpointId) {
            if (killed) {
                return;
            }
            try {
                rpcCallers.execute(() -> {
                    try {
                        call.run();
                    } catch (RuntimeException e) {
                        // the coordinator times the checkpoint out if its answer is lost
                        LOG.warn("Could not send the answer for checkpoint {} of {} to its job master: {}", checkpointId, d.describe(),
                                e.toString());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                LOG.debug("Not answering checkpoint {}: the TaskExecutor is stopping", checkpointId);
            }
        }
    }

    Ack cancelTask(JobID jobId, JobVertexID vertexId, int subtask, int attempt) {
        TaskKey key = new TaskKey(jobId, vertexId, subtask, attempt);
        Task t;
        synchronized (submitOrCancel) {
            t = tasks.get(key);
            if (t == null && jobMasters.containsKey(jobId)) {
                // the submission may still be on its way: it must not start after this cancel
                canceledBeforeSubmit.add(key);
            }
        }
        if (t == null) {
            return Ack.newBuilder().setAccepted(false).setMessage("no such task on " + resourceId).build();
        }
        cancel(t);
        return Ack.newBuilder().setAccepted(true).build();
    }

    /**
     * Cancels a task and watches that its thread ends: one that ignores cancel and interrupt for
     * task.cancellation.timeout stops this TaskExecutor, the only way to free its slot for good.
     */
    private void cancel(Task t) {
        t.cancel();
        if (cancellationTimeoutMillis <= 0 || t.threadEnded().isDone()) {
            return;
        }
        try {
            scheduler.schedule(() -> {
                if (!t.threadEnded().isDone()) {
                    LOG.error("{} did not end within task.cancellation.timeout ({} ms) after it was canceled; stopping TaskExecutor {}",
                            t.deployment().describe(), cancellationTimeoutMillis, resourceId);
                    terminate(EXIT_TASK_CANCELLATION_TIMEOUT);
                }
            }, cancellationTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            LOG.debug("Not watching the cancel of {}: the TaskExecutor is stopping", t.deployment().describe());
        }
    }

    Ack freeSlots(JobID jobId, String cause) {
        releaseJob(jobId, cause);
        return Ack.newBuilder().setAccepted(true).build();
    }

    TaskExecutorHeartbeat slotReport() {
        return TaskExecutorHeartbeat.newBuilder().setResourceId(resourceId.id()).addAllSlots(slots.report()).build();
    }

    /** Cancels the job's tasks, frees its slots and forgets its job master. */
    private void releaseJob(JobID jobId, String cause) {
        boolean had = jobMasters.remove(jobId) != null;
        jobMasterLastHeard.remove(jobId);
        java.util.Set<String> stillRunning = new java.util.HashSet<>();
        List<Task> ending = new ArrayList<>();
        for (Map.Entry<TaskKey, Task> e : tasks.entrySet()) {
            if (e.getKey().jobId().equals(jobId)) {
                Task t = e.getValue();
                tasks.remove(e.getKey());
                cancel(t);
                if (!t.threadEnded().isDone()) {
                    stillRunning.add(t.deployment().allocationId());
                    ending.add(t);
                }
            }
        }
        // a slot whose task has not ended yet stays taken, so no other task starts beside a late one
        int freed = slots.freeJob(jobId, stillRunning);
        for (Task t : ending) {
            t.threadEnded().thenRun(() -> {
                slots.free(t.deployment().allocationId());
                LOG.info("Slot of {} on {} is free again: its thread ended", t.deployment().describe(), resourceId);
            });
        }
        synchronized (submitOrCancel) {
            canceledBeforeSubmit.removeIf(k -> k.jobId().equals(jobId));
        }
        unconfirmedFinalStates.keySet().removeIf(k -> k.jobId().equals(jobId));
        shuffle.releaseJob(jobId, new IllegalStateException(cause));
        jobGraphs.remove(jobId);
        classLoaders.release(jobId);
        if (had || freed > 0) {
            LOG.info("Released job {} on {} ({} slots freed): {}", jobId, resourceId, freed, cause);
        }
    }

    /** Reports go to the job master the task was deployed by, even after the job was given up here. */
    private void onTaskStateChange(Task task, TaskStateUpdate update, JobMasterAddress jm) {
        boolean terminal = update.getState() == TaskState.FINISHED || update.getState() == TaskState.FAILED
                || update.getState() == TaskState.CANCELED;
        TaskDeployment d = task.deployment();
        TaskKey key = new TaskKey(d.jobGraph().getJobId(), d.vertex().getId(), d.subtask(), d.attempt());
        if (terminal) {
            // kept before the task leaves the table, so no heartbeat can miss it in both places
            if (jobMasters.containsKey(key.jobId())) {
                unconfirmedFinalStates.put(key, update);
            }
            tasks.remove(key, task);
        }
        if (killed) {
            return;
        }
        try {
            rpcCallers.execute(() -> reportState(jm, update, terminal ? key : null, 3));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Not reporting {} of a task of job {}: the TaskExecutor is stopping", update.getState(), update.getJobId());
        }
    }

    /** @param finalKey the task whose final state this is (confirmed once delivered), or null for a non-final update */
    private void reportState(JobMasterAddress jm, TaskStateUpdate update, TaskKey finalKey, int triesLeft) {
        try {
            JobMasterServiceGrpc.newBlockingStub(clients.channel(jm.host(), jm.port()))
                    .withDeadlineAfter(rpcTimeoutMillis, TimeUnit.MILLISECONDS).updateTaskState(update);
            if (finalKey != null) {
                unconfirmedFinalStates.remove(finalKey, update);
            }
        } catch (RuntimeException e) {
            boolean confirmedMeanwhile = finalKey != null && !unconfirmedFinalStates.containsKey(finalKey);
            if (confirmedMeanwhile) {
                LOG.debug("Final state {} of job {} reached the job master with a heartbeat", update.getState(), update.getJobId());
            } else if (triesLeft > 1 && !termination.isDone()) {
                try {
                    scheduler.schedule(() -> rpcCallers.execute(() -> reportState(jm, update, finalKey, triesLeft - 1)), 200,
                            TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    LOG.debug("Not retrying the report of job {}: the TaskExecutor is stopping", update.getJobId());
                }
            } else if (finalKey != null && unconfirmedFinalStates.containsKey(finalKey)) {
                LOG.warn("Could not report final state {} of {} attempt {} of job {} to its job master ({}); it goes with the next heartbeats",
                        update.getState(), update.getVertexId(), update.getAttempt(), update.getJobId(), e.toString());
            } else {
                LOG.warn("Could not report state {} of a task of job {} to its job master: {}", update.getState(), update.getJobId(), e.toString());
            }
        }
    }

    // ---- ending ---------------------------------------------------------------------------

    private synchronized void terminate(int exitCode) {
        if (termination.isDone()) {
            return;
        }
        for (JobID jobId : new ArrayList<>(jobMasters.keySet())) {
            releaseJob(jobId, "TaskExecutor " + resourceId + " is stopping");
        }
        for (Task t : tasks.values()) {
            t.cancel();
        }
        scheduler.shutdownNow();
        rpcCallers.shutdown();
        if (server != null) {
            server.close();
        }
        shuffle.close();
        clients.close();
        classLoaders.close();
        workDir.close();
        LOG.info("TaskExecutor {} stopped (exit code {})", resourceId, exitCode);
        firstRegistration.completeExceptionally(new IllegalStateException("TaskExecutor " + resourceId + " stopped"));
        termination.complete(exitCode);
    }

    /**
     * Stops abruptly, as a killed process would: the RPC server and heartbeats stop at once and no
     * task reports anything any more.
     */
    public synchronized void kill() {
        if (termination.isDone()) {
            return;
        }
        LOG.warn("Killing TaskExecutor {}", resourceId);
        killed = true;
        scheduler.shutdownNow();
        rpcCallers.shutdownNow();
        if (server != null) {
            server.kill();
        }
        jobMasters.clear();
        for (Task t : tasks.values()) {
            t.cancel();
        }
        shuffle.close();
        clients.close();
        termination.complete(137);
    }

    @Override
    public void close() {
        terminate(EXIT_OK);
    }
}
