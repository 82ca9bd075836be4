package dev.spindle.runtime.jobmaster;

import dev.spindle.runtime.metrics.PhaseLog;
import com.google.protobuf.ByteString;
import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.HeartbeatOptions;
import dev.spindle.configuration.ResourceManagerOptions;
import dev.spindle.configuration.RpcOptions;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.heartbeat.HeartbeatMonitor;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.jobgraph.JobVertexID;
import dev.spindle.runtime.resourcemanager.JobResourceListener;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.resourcemanager.ResourceManager;
import dev.spindle.runtime.rpc.Failures;
import dev.spindle.runtime.rpc.JobGraphs;
import dev.spindle.runtime.rpc.RpcClients;
import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.CancelTaskRequest;
import dev.spindle.runtime.rpc.proto.FinalCommitRequest;
import dev.spindle.runtime.rpc.proto.FreeSlotsRequest;
import dev.spindle.runtime.rpc.proto.JobMasterHeartbeatRequest;
import dev.spindle.runtime.rpc.proto.OfferSlotsRequest;
import dev.spindle.runtime.rpc.proto.OfferSlotsResponse;
import dev.spindle.runtime.rpc.proto.SerializedAccumulator;
import dev.spindle.runtime.rpc.proto.SlotLocation;
import dev.spindle.runtime.rpc.proto.SlotOffer;
import dev.spindle.runtime.rpc.proto.SubmitTaskRequest;
import dev.spindle.runtime.rpc.proto.TaskExecutorServiceGrpc;
import dev.spindle.runtime.rpc.proto.TaskMetrics;
import dev.spindle.runtime.rpc.proto.TaskState;
import dev.spindle.runtime.rpc.proto.TaskStateUpdate;
import dev.spindle.configuration.CheckpointingOptions;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.runtime.checkpoint.CheckpointBarrier;
import dev.spindle.runtime.checkpoint.CheckpointCoordinator;
import dev.spindle.runtime.checkpoint.CheckpointException;
import dev.spindle.runtime.checkpoint.CheckpointGateway;
import dev.spindle.runtime.checkpoint.CheckpointMetadata;
import dev.spindle.runtime.checkpoint.CheckpointPlan;
import dev.spindle.runtime.checkpoint.CheckpointSettings;
import dev.spindle.runtime.checkpoint.CheckpointStorage;
import dev.spindle.runtime.checkpoint.CompletedCheckpoint;
import dev.spindle.runtime.checkpoint.ExecutionAttempt;
import dev.spindle.runtime.checkpoint.CompletedCheckpointRecorder;
import dev.spindle.runtime.checkpoint.RestoreAssignment;
import dev.spindle.runtime.checkpoint.TaskRestore;
import dev.spindle.runtime.checkpoint.TaskStateHandle;
import dev.spindle.runtime.rpc.proto.CheckpointAck;
import dev.spindle.runtime.rpc.proto.CheckpointDecline;
import dev.spindle.runtime.rpc.proto.NotifyCheckpointCompleteRequest;
import dev.spindle.runtime.rpc.proto.TaskRestoreSpec;
import dev.spindle.runtime.rpc.proto.TriggerCheckpointRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job: gets one shared slot per subtask index (slot i hosts subtask i of every vertex),
 * deploys all subtasks at once, follows their states, restarts the whole job per its restart
 * strategy after a failure, and ends with a {@link JobResult}. All state lives on one main thread.
 */
public final class JobMaster implements JobResourceListener {

    private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);

    private record SharedSlot(String resourceId, String host, int port, String allocationId) {
    }

    private record ExecutionKey(JobVertexID vertexId, int subtask) {
    }

    private final JobGraph graph;
    private final JobID jobId;
    private final ResourceManager resourceManager;
    private final RpcClients clients;
    private final String rpcHost;
    private final int rpcPort;
    private final long rpcTimeoutMillis;
    private final long heartbeatTimeoutMillis;
    private final long slotRequestTimeoutMillis;
    private final RestartStrategy restartStrategy;
    private final ScheduledExecutorService mainThread;
    private final ExecutorService rpcCalls;
    private final HeartbeatMonitor<ResourceID> heartbeats;
    private final ByteString serializedGraph;
    private final SharedSlot[] slots;
    private final Map<ExecutionKey, Execution> executions = new LinkedHashMap<>();
    private final Set<ResourceID> lostTaskExecutors = new HashSet<>();
    private final CompletableFuture<JobResult> result = new CompletableFuture<>();
    private int outstandingSlotRequests;
    private int attempt;
    private int restarts;
    /** Whether the failure recorded last came from a consumer reporting its producer's failure, so the producer's own report may still name it. */
    private boolean lastFailureFromProducer;
    /** The latest failures, oldest first, bounded so a job restarting forever does not grow the AM. */
    private final java.util.ArrayDeque<JobDetails.ExceptionEntry> exceptionHistory = new java.util.ArrayDeque<>();
    private static final int MAX_EXCEPTIONS = 16;
    private volatile JobStatus status = JobStatus.CREATED;
    private final long startTime = System.currentTimeMillis();
    private long endTime = -1;
    private Throwable failureCause;
    /** Null when the job does not checkpoint. */
    private final CheckpointCoordinator checkpoints;
    private final ExecutorService checkpointIo;
    /** The savepoint or retained checkpoint the job was submitted to start from (execution.savepoint.path), or null. */
    private final RestoreAssignment initialRestore;
    /** Set by {@link #suspend}: the job ends with its process, and its checkpoints must outlive it. */
    private volatile boolean suspended;
    /**
     * The share of source input read, or {@link SourceInputProgress#UNKNOWN}; recomputed on the main
     * thread, read by any. Before the first heartbeat nothing was read, bounded or not.
     */
    private volatile double inputProgress = 0;

    public JobMaster(JobGraph graph, Configuration clusterConfiguration, ResourceManager resourceManager, RpcClients clients,
            String rpcHost, int rpcPort) throws IOException {
        this(graph, clusterConfiguration, resourceManager, clients, rpcHost, rpcPort, CompletedCheckpointRecorder.NONE, null);
    }

    /**
     * @param recorder records each completed checkpoint for a later ApplicationMaster attempt
     * @param resumeFrom the checkpoint an earlier attempt of this job completed last, which the job
     *     resumes from instead of its submitted {@code execution.savepoint.path}; null for a fresh start
     */
    public JobMaster(JobGraph graph, Configuration clusterConfiguration, ResourceManager resourceManager, RpcClients clients,
            String rpcHost, int rpcPort, CompletedCheckpointRecorder recorder, String resumeFrom) throws IOException {
        this.graph = graph;
        this.jobId = graph.getJobId();
        this.resourceManager = resourceManager;
        this.clients = clients;
        this.rpcHost = rpcHost;
        this.rpcPort = rpcPort;
        this.rpcTimeoutMillis = clusterConfiguration.get(RpcOptions.ASK_TIMEOUT).toMillis();
        this.heartbeatTimeoutMillis = clusterConfiguration.get(HeartbeatOptions.HEARTBEAT_TIMEOUT).toMillis();
        Configuration effective = new Configuration(clusterConfiguration);
        effective.addAll(graph.getJobConfiguration());
        this.slotRequestTimeoutMillis = effective.get(ResourceManagerOptions.SLOT_REQUEST_TIMEOUT).toMillis();
        if (graph.getVertices().isEmpty()) {
            throw new IllegalArgumentException("job '" + graph.getName() + "' has no vertices");
        }
        CheckpointSettings checkpointSettings = CheckpointSettings.fromConfiguration(effective);
        if (checkpointSettings != null && effective.get(dev.spindle.configuration.ExecutionOptions.RUNTIME_MODE) == dev.spindle.api.RuntimeMode.BATCH) {
            // a BATCH job recovers by running again; its tasks do not take part in checkpoints
            LOG.info("Job {} runs in BATCH mode: checkpointing ({}) is not used", jobId, CheckpointingOptions.CHECKPOINTING_INTERVAL.key());
            checkpointSettings = null;
        }
        if (checkpointSettings != null) {
            shipCheckpointSettingsWithJob(effective);
            for (JobVertex v : graph.getVertices()) {
                if (v.getOperatorUids().isEmpty()) {
                    throw new IllegalArgumentException("Job '" + graph.getName() + "' has checkpointing on, but vertex '" + v.getName()
                            + "' runs " + v.getInvokableClassName() + ", which cannot take part in checkpoints");
                }
            }
        }
        this.restartStrategy = RestartStrategies.create(graph.getJobConfiguration(), clusterConfiguration);
        this.initialRestore = loadInitialRestore(effective, resumeFrom);
        this.serializedGraph = serialize(graph);
        this.slots = new SharedSlot[graph.getMaxParallelism()];
        for (JobVertex v : graph.getVertices()) {
            for (int i = 0; i < v.getParallelism(); i++) {
                executions.put(new ExecutionKey(v.getId(), i), new Execution(v, i));
            }
        }
        ScheduledThreadPoolExecutor main = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "job-master " + jobId));
        // timers (slot timeout, cancel watchdog) must not keep an ended job's thread alive
        main.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        main.setRemoveOnCancelPolicy(true);
        this.mainThread = main;
        this.rpcCalls = Executors.newFixedThreadPool(2, r -> daemon(r, "job-master-rpc " + jobId));
        Configuration hb = new Configuration(clusterConfiguration);
        if (checkpointSettings != null) {
            this.checkpointIo = Executors.newSingleThreadExecutor(r -> daemon(r, "job-master-checkpoint-io " + jobId));
            this.checkpoints = new CheckpointCoordinator(jobId.toString(), checkpointSettings, new Gateway(), mainThread, checkpointIo);
            checkpoints.setRecorder(recorder);
            checkpoints.continueAfterExistingCheckpoints();
            if (initialRestore != null) {
                checkpoints.continueAfter(initialRestore.checkpointId());
            }
        } else {
            this.checkpointIo = null;
            this.checkpoints = null;
        }
        this.heartbeats = new HeartbeatMonitor<>(hb.get(HeartbeatOptions.HEARTBEAT_TIMEOUT), mainThread,
                (id, silent) -> taskExecutorLost(id, "TaskExecutor " + id + " sent no heartbeat for " + silent
                        + " ms (heartbeat.timeout); it is considered lost"));
    }

    /** Checkpoint keys set only in the cluster's configuration go into the job's, which is all tasks read. */
    private void shipCheckpointSettingsWithJob(Configuration effective) {
        Configuration job = graph.getJobConfiguration();
        for (String key : effective.keySet()) {
            if ((key.startsWith("execution.checkpointing.") || key.startsWith("state.")) && job.getString(key) == null) {
                job.setString(key, effective.getString(key));
            }
        }
    }

    private RestoreAssignment loadInitialRestore(Configuration effective, String resumeFrom) throws IOException {
        String path = resumeFrom != null ? resumeFrom : effective.getOptional(DeploymentOptions.SAVEPOINT_PATH).orElse(null);
        if (path == null || path.isBlank()) {
            return null;
        }
        CheckpointMetadata metadata = CheckpointStorage.readMetadata(path);
        RestoreAssignment restore = new RestoreAssignment(metadata.checkpointId(), CheckpointStorage.directoryOf(path), metadata);
        Map<List<String>, Integer> uids = new LinkedHashMap<>();
        for (JobVertex v : graph.getVertices()) {
            uids.put(v.getOperatorUids(), v.getParallelism());
        }
        try {
            restore.validate(uids, effective.get(DeploymentOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE));
        } catch (CheckpointException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        LOG.info("Job {} will {} from {} {} at {}", jobId, resumeFrom != null ? "resume" : "start",
                metadata.savepoint() ? "savepoint" : "checkpoint", metadata.checkpointId(), restore.directory());
        return restore;
    }

    /** What tasks restore when deployed now: the latest completed checkpoint, else the state the job was submitted with. */
    private RestoreAssignment currentRestore() {
        CompletedCheckpoint latest = checkpoints == null ? null : checkpoints.latestCompleted();
        if (latest != null) {
            return new RestoreAssignment(latest.id(), latest.directory(), latest.metadata());
        }
        return initialRestore;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static ByteString serialize(JobGraph graph) throws IOException {
        return ByteString.copyFrom(JobGraphs.serialize(graph));
    }

    /** Runs work on the main thread; once the job ended and the thread is gone, there is nothing left to do. */
    private void runOnMain(Runnable r) {
        try {
            mainThread.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException ended) {
            LOG.debug("Job {} has ended; dropping a late event", jobId);
        }
    }

    /** Runs work on the job master's main thread; once the job ended, inline (state no longer changes then). */
    java.util.concurrent.Executor mainThreadExecutor() {
        return r -> {
            try {
                mainThread.execute(r);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                r.run();
            }
        };
    }

    public JobID getJobId() {
        return jobId;
    }

    public JobStatus getStatus() {
        return status;
    }

    /** Completes with the final summary once the job reached a terminal state. */
    public CompletableFuture<JobResult> getResultFuture() {
        return result;
    }

    public void start() {
        runOnMain(() -> {
            LOG.info("Starting job {} ({}) with {} subtasks in {} shared slots; restart strategy {}", jobId, graph.getName(),
                    executions.size(), slots.length, restartStrategy.describe());
            resourceManager.registerJobMaster(jobId, rpcHost, rpcPort, this);
            setStatus(JobStatus.RUNNING);
            PhaseLog.mark("job-started", "job=" + jobId);
            requestMissingSlots();
        });
    }

    /**
     * Stops the job because its cluster process goes away, not because anyone asked it to end: like
     * {@link #cancel}, but its checkpoints stay whatever the retention setting, so that a later
     * ApplicationMaster attempt can resume it.
     */
    public CompletableFuture<Void> suspend() {
        suspended = true;
        return cancel();
    }

    public CompletableFuture<Void> cancel() {
        return CompletableFuture.runAsync(() -> {
            if (status.isTerminal() || status == JobStatus.CANCELLING) {
                return;
            }
            LOG.info("Canceling job {}", jobId);
            setStatus(JobStatus.CANCELLING);
            cancelAllExecutions();
            checkAllTerminal();
        }, mainThreadExecutor());
    }

    private void setStatus(JobStatus newStatus) {
        if (status != newStatus) {
            LOG.info("Job {} ({}) switched from {} to {}", jobId, graph.getName(), status, newStatus);
            status = newStatus;
        }
    }

    // ---- slots -----------------------------------------------------------------------------

    private void requestMissingSlots() {
        int missing = 0;
        for (SharedSlot s : slots) {
            if (s == null) {
                missing++;
            }
        }
        missing -= outstandingSlotRequests;
        if (missing > 0) {
            outstandingSlotRequests += missing;
            resourceManager.requestSlots(jobId, missing);
            int waitingAttempt = attempt;
            mainThread.schedule(() -> checkSlotsArrived(waitingAttempt), slotRequestTimeoutMillis, TimeUnit.MILLISECONDS);
        } else if (allSlotsPresent()) {
            deployAll();
        }
    }

    /** Fails a job that waited too long for its slots, saying what it needs and what the cluster has. */
    private void checkSlotsArrived(int waitingAttempt) {
        if (attempt != waitingAttempt || status != JobStatus.RUNNING || allSlotsPresent()) {
            return;
        }
        int got = 0;
        for (SharedSlot s : slots) {
            if (s != null) {
                got++;
            }
        }
        String cluster;
        try {
            var tes = resourceManager.listTaskExecutors().get(1, TimeUnit.SECONDS);
            int free = tes.stream().mapToInt(t -> t.slotsFree()).sum();
            cluster = "the cluster has " + tes.size() + " TaskExecutors with " + free + " free slots";
        } catch (Exception e) {
            cluster = "the resource manager did not say what it has";
        }
        onExecutionFailed(null, null, new NoResourceAvailableException("job " + jobId + " needs " + slots.length
                + " slots (its largest parallelism) but got " + got + " within slot.request.timeout (" + slotRequestTimeoutMillis
                + " ms); " + cluster + ". Lower the parallelism, add TaskExecutors or slots (taskmanager.numberOfTaskSlots), "
                + "or check why new TaskExecutors do not start or register"));
    }

    private boolean allSlotsPresent() {
        for (SharedSlot s : slots) {
            if (s == null) {
                return false;
            }
        }
        return true;
    }

    OfferSlotsResponse offerSlots(OfferSlotsRequest request) {
        OfferSlotsResponse.Builder accepted = OfferSlotsResponse.newBuilder();
        ResourceID te = new ResourceID(request.getResourceId());
        boolean wanting = status == JobStatus.RUNNING || status == JobStatus.RESTARTING;
        for (SlotOffer offer : request.getOffersList()) {
            int free = -1;
            for (int i = 0; i < slots.length && free < 0; i++) {
                if (slots[i] == null) {
                    free = i;
                }
            }
            if (!wanting || free < 0 || lostTaskExecutors.contains(te)) {
                continue;
            }
            slots[free] = new SharedSlot(request.getResourceId(), request.getHost(), request.getPort(), offer.getAllocationId());
            outstandingSlotRequests = Math.max(0, outstandingSlotRequests - 1);
            if (!heartbeats.isMonitored(te)) {
                heartbeats.monitor(te);
            }
            accepted.addAcceptedAllocationIds(offer.getAllocationId());
            LOG.info("Job {} got shared slot {} on TaskExecutor {} ({})", jobId, free, te, offer.getAllocationId());
        }
        if (wanting && allSlotsPresent() && status == JobStatus.RUNNING && executions.values().stream()
                .allMatch(e -> e.status == SubtaskStatus.CREATED)) {
            runOnMain(this::deployAll);
        }
        return accepted.build();
    }

    // ---- deployment ------------------------------------------------------------------------

    private void deployAll() {
        if (status != JobStatus.RUNNING || !allSlotsPresent()
                || executions.values().stream().anyMatch(e -> e.status != SubtaskStatus.CREATED)) {
            return;
        }
        List<SlotLocation> locations = new ArrayList<>();
        for (SharedSlot s : slots) {
            locations.add(SlotLocation.newBuilder().setResourceId(s.resourceId()).setHost(s.host()).setPort(s.port()).build());
        }
        RestoreAssignment restore = currentRestore();
        PhaseLog.mark("job-deploying", "job=" + jobId + " attempt=" + attempt);
        LOG.info("Deploying {} subtasks of job {} (attempt {}){}", executions.size(), jobId, attempt,
                restore == null ? "" : " from checkpoint " + restore.checkpointId() + " at " + restore.directory());
        for (Execution e : executions.values()) {
            SharedSlot slot = slots[e.subtask];
            e.status = SubtaskStatus.DEPLOYING;
            e.resourceId = slot.resourceId();
            e.host = slot.host();
            SubmitTaskRequest request = SubmitTaskRequest.newBuilder().setJobId(jobId.toHexString()).setJobGraph(serializedGraph)
                    .setVertexId(e.vertex.getId().toHexString()).setSubtask(e.subtask).setAttempt(e.attempt)
                    .setAllocationId(slot.allocationId()).addAllSlotLocations(locations).setRestore(restoreSpec(restore, e)).build();
            int deployedAttempt = e.attempt;
            rpcCalls.execute(() -> {
                String failure;
                boolean unreachable = false;
                boolean mayRun = false;
                try {
                    Ack ack = TaskExecutorServiceGrpc.newBlockingStub(clients.channel(slot.host(), slot.port()))
                            .withDeadlineAfter(rpcTimeoutMillis, TimeUnit.MILLISECONDS).submitTask(request);
                    failure = ack.getAccepted() ? null : ack.getMessage();
                    if (failure == null) {
                        runOnMain(() -> {
                            if (e.attempt == deployedAttempt) {
                                e.acceptedByTaskExecutor = true;
                            }
                        });
                    }
                } catch (RuntimeException ex) {
                    failure = ex.toString();
                    unreachable = io.grpc.Status.fromThrowable(ex).getCode() == io.grpc.Status.Code.UNAVAILABLE;
                    // a deadline that passed may have passed after the TaskExecutor started the task
                    mayRun = !unreachable;
                }
                if (failure != null) {
                    String why = "deploying " + e.describe() + " to " + slot.resourceId() + " failed: " + failure;
                    boolean gone = unreachable;
                    boolean cancel = mayRun;
                    runOnMain(() -> {
                        if (e.attempt == deployedAttempt && !e.status.isTerminal()) {
                            e.status = SubtaskStatus.FAILED;
                            if (cancel) {
                                // the job's failover skips failed executions: this one must not run on unseen (a cancel
                                // that overtakes its submit is remembered by the TaskExecutor)
                                requestCancel(e, slot, deployedAttempt, () -> { });
                            }
                            if (gone) {
                                deploymentTargetUnreachable(new ResourceID(slot.resourceId()), why);
                            } else {
                                onExecutionFailed(e.describe(), slot.resourceId() + " on " + slot.host(), new IllegalStateException(why));
                            }
                        }
                    });
                }
            });
        }
    }

    private static TaskRestoreSpec restoreSpec(RestoreAssignment restore, Execution e) {
        if (restore == null) {
            return TaskRestoreSpec.newBuilder().setCheckpointId(-1).build();
        }
        TaskRestore r = restore.forTask(e.vertex.getOperatorUids(), e.subtask, e.vertex.getParallelism());
        TaskRestoreSpec.Builder spec = TaskRestoreSpec.newBuilder().setCheckpointId(r.checkpointId()).setDirectory(r.directory())
                .putAllStateFileByUid(r.stateFileByUid()).setFinished(r.finished());
        r.allFilesByUid().forEach((uid, files) -> spec.putAllFilesByUid(uid, dev.spindle.runtime.rpc.proto.OperatorStateFiles.newBuilder()
                .setParallelism(files.parallelism()).putAllFileBySubtask(files.fileBySubtask()).build()));
        return spec.build();
    }

    /**
     * How much of its source input this job has read, in [0, 1], for YARN's progress; negative when
     * that cannot be known (an unbounded source, or one that does not track its input).
     */
    public double inputProgress() {
        return status == JobStatus.FINISHED ? 1 : inputProgress;
    }

    private void updateInputProgress() {
        List<SourceInputProgress.SourceSubtask> sources = new ArrayList<>();
        for (Execution e : executions.values()) {
            if (graph.getInputEdges(e.vertex.getId()).isEmpty()) {
                sources.add(new SourceInputProgress.SourceSubtask(e.status == SubtaskStatus.FINISHED,
                        e.metrics == null ? null : e.metrics.raw()));
            }
        }
        double p = SourceInputProgress.of(sources);
        if (p != inputProgress) {
            LOG.debug("Job {} has read {} of its source input", jobId, p);
        }
        inputProgress = p;
    }

    // ---- calls from TaskExecutors ----------------------------------------------------------

    /**
     * Lets a sink task commit at the end of its input only if it is the attempt this job master
     * runs, in the slot it was deployed to: an attempt this job master does not know (an earlier
     * ApplicationMaster attempt's, on a TaskExecutor YARN kept) or has written off commits nothing.
     */
    Ack grantFinalCommit(FinalCommitRequest r) {
        Execution e = executions.get(new ExecutionKey(JobVertexID.fromHexString(r.getVertexId()), r.getSubtask()));
        SharedSlot slot = e == null ? null : slots[e.subtask];
        String refusal = null;
        if (e == null) {
            refusal = "job " + jobId + " has no subtask " + r.getSubtask() + " of vertex " + r.getVertexId();
        } else if (status != JobStatus.RUNNING || suspended) {
            refusal = "job " + jobId + " is " + (suspended ? "suspended" : status);
        } else if (e.attempt != r.getAttempt() || e.status.isTerminal()) {
            refusal = e.describe(r.getAttempt()) + " is not running (the job runs attempt " + e.attempt + ", " + e.status + ")";
        } else if (slot == null || !slot.allocationId().equals(r.getAllocationId())) {
            refusal = e.describe() + " was not deployed by this job master into slot " + r.getAllocationId();
        }
        if (refusal != null) {
            LOG.warn("Refused the final commit of subtask {} attempt {} of vertex {} of job {}: {}", r.getSubtask(), r.getAttempt(),
                    r.getVertexId(), jobId, refusal);
            return Ack.newBuilder().setAccepted(false).setMessage(refusal).build();
        }
        if (!e.finalCommitGranted) {
            e.finalCommitGranted = true;
            LOG.info("Granted the final commit of {} of job {} on {}", e.describe(), jobId, e.resourceId);
        }
        return Ack.newBuilder().setAccepted(true).build();
    }

    void updateTaskState(TaskStateUpdate u) {
        Execution e = executions.get(new ExecutionKey(JobVertexID.fromHexString(u.getVertexId()), u.getSubtask()));
        if (e == null || e.attempt != u.getAttempt() || e.status.isTerminal()) {
            if (e != null && lastFailureFromProducer && u.getState() == TaskState.FAILED && !u.getFailureFromProducer()) {
                // the producer's own report came after its execution was written off (canceled because the cancel found
                // it ended, or the job restarted already): it still tells where the recorded failure happened
                lastFailureFromProducer = !recordOriginOfLastException(e.describe(u.getAttempt()),
                        u.getResourceId() + (e.host == null ? "" : " on " + e.host), Failures.fromInfo(u.getFailure()));
            }
            return;
        }
        e.recordsIn = u.getRecordsIn();
        e.recordsOut = u.getRecordsOut();
        switch (u.getState()) {
            case RUNNING -> {
                e.status = SubtaskStatus.RUNNING;
                if (executions.values().stream().allMatch(x -> x.status == SubtaskStatus.RUNNING)) {
                    PhaseLog.mark("job-all-subtasks-running", "job=" + jobId + " attempt=" + attempt);
                }
                if (checkpoints != null) {
                    checkpoints.startPeriodicCheckpoints();
                }
            }
            case FINISHED -> {
                e.status = SubtaskStatus.FINISHED;
                updateInputProgress();
                if (checkpoints != null) {
                    checkpoints.taskFinished(attemptOf(e));
                }
                e.accumulators = new LinkedHashMap<>(u.getAccumulatorsMap());
                if (status == JobStatus.RUNNING && executions.values().stream().allMatch(x -> x.status == SubtaskStatus.FINISHED)) {
                    finish(JobStatus.FINISHED);
                    return;
                }
            }
            case CANCELED -> e.status = SubtaskStatus.CANCELED;
            case FAILED -> {
                e.status = SubtaskStatus.FAILED;
                if (status == JobStatus.RUNNING) {
                    LOG.warn("{} of job {} failed on {}: {}", e.describe(), jobId, u.getResourceId(), u.getFailure().getClassName() + ": "
                            + u.getFailure().getMessage());
                }
                String location = u.getResourceId() + (e.host == null ? "" : " on " + e.host);
                if (u.getFailureFromProducer()) {
                    boolean first = status == JobStatus.RUNNING;
                    onExecutionFailed(e.describe() + ", whose producer failed", location, Failures.fromInfo(u.getFailure()));
                    lastFailureFromProducer = first;
                } else {
                    onExecutionFailed(e.describe(), location, Failures.fromInfo(u.getFailure()));
                }
            }
            default -> {
            }
        }
        checkAllTerminal();
    }

    void acknowledgeCheckpoint(CheckpointAck a) {
        if (checkpoints != null) {
            checkpoints.acknowledge(new ExecutionAttempt(a.getVertexId(), a.getSubtask(), a.getAttempt()), a.getCheckpointId(),
                    new TaskStateHandle(a.getStateFile(), a.getStateSize(), a.getOperatorUidsList()));
        }
    }

    void declineCheckpoint(CheckpointDecline d) {
        if (checkpoints != null) {
            checkpoints.decline(new ExecutionAttempt(d.getVertexId(), d.getSubtask(), d.getAttempt()), d.getCheckpointId(), d.getReason());
        }
    }

    /** Takes a savepoint into a new directory under {@code targetDirectory} (null: state.savepoints.dir); completes with its path. */
    public CompletableFuture<String> triggerSavepoint(String targetDirectory) {
        return onMainCompose(() -> checkpoints.triggerSavepoint(targetDirectory)).thenApply(CompletedCheckpoint::directory);
    }

    /**
     * Stops the job with a final savepoint: periodic checkpoints stop, the savepoint is taken (its
     * completion commits the sinks' output up to it), then the job is cancelled, so it ends CANCELED
     * after the savepoint (sources are not drained). Completes with the savepoint's path once the
     * cancel is under way; if the savepoint fails, periodic checkpoints resume and the job keeps running.
     */
    public CompletableFuture<String> stopWithSavepoint(String targetDirectory) {
        return onMainCompose(() -> {
            checkpoints.stopPeriodicCheckpoints();
            LOG.info("Job {} stops with a savepoint into {}", jobId, targetDirectory != null ? targetDirectory : "state.savepoints.dir");
            return checkpoints.triggerSavepoint(targetDirectory).whenCompleteAsync((done, error) -> {
                if (error != null) {
                    LOG.warn("Job {} keeps running: its stop savepoint failed: {}", jobId, error.toString());
                    checkpoints.startPeriodicCheckpoints();
                }
            }, mainThreadExecutor());
        }).thenCompose(savepoint -> {
            LOG.info("Job {} took its stop savepoint {} at {}; cancelling the job", jobId, savepoint.id(), savepoint.directory());
            return cancel().thenApply(v -> savepoint.directory());
        });
    }

    /** Where the latest checkpoint stays once the job is cancelled (RETAIN_ON_CANCELLATION), or null. */
    public CompletableFuture<String> retainedCheckpointOnCancel() {
        return CompletableFuture.supplyAsync(() -> checkpoints == null ? null : checkpoints.retainedOnCancel(), mainThreadExecutor());
    }

    /** Takes a checkpoint now, outside the periodic schedule. */
    public CompletableFuture<CompletedCheckpoint> triggerCheckpoint() {
        return onMainCompose(() -> checkpoints.triggerCheckpoint());
    }

    /** Checkpoint statistics of the running job ({@code enabled: false} without checkpointing). */
    public CompletableFuture<Map<String, Object>> requestCheckpointStats() {
        return CompletableFuture.supplyAsync(() -> checkpoints == null ? Map.<String, Object>of("enabled", false) : withEnabled(checkpoints.stats()),
                mainThreadExecutor());
    }

    private static Map<String, Object> withEnabled(Map<String, Object> stats) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", true);
        m.putAll(stats);
        return m;
    }

    private <T> CompletableFuture<T> onMainCompose(java.util.function.Supplier<CompletableFuture<T>> action) {
        return CompletableFuture.supplyAsync(() -> {
            if (checkpoints == null) {
                return CompletableFuture.<T>failedFuture(new CheckpointException("job " + jobId + " does not checkpoint: "
                        + "set execution.checkpointing.interval (env.enableCheckpointing(ms)) and state.checkpoints.dir"));
            }
            if (status.isTerminal()) {
                return CompletableFuture.<T>failedFuture(new CheckpointException("job " + jobId + " has ended " + status));
            }
            return action.get();
        }, mainThreadExecutor()).thenCompose(f -> f);
    }

    private static ExecutionAttempt attemptOf(Execution e) {
        return new ExecutionAttempt(e.vertex.getId().toHexString(), e.subtask, e.attempt);
    }

    /** The coordinator's view of this job's tasks; every call on the main thread. */
    private final class Gateway implements CheckpointGateway {

        @Override
        public CheckpointPlan plan() {
            if (status != JobStatus.RUNNING) {
                return null;
            }
            List<ExecutionAttempt> sources = new ArrayList<>();
            List<ExecutionAttempt> running = new ArrayList<>();
            List<ExecutionAttempt> finished = new ArrayList<>();
            for (Execution e : executions.values()) {
                if (e.status == SubtaskStatus.FINISHED) {
                    finished.add(attemptOf(e));
                } else if (e.status == SubtaskStatus.RUNNING) {
                    running.add(attemptOf(e));
                    if (graph.getInputEdges(e.vertex.getId()).isEmpty()) {
                        sources.add(attemptOf(e));
                    }
                } else {
                    return null;
                }
            }
            Map<String, List<String>> uids = new LinkedHashMap<>();
            Map<String, Integer> parallelism = new LinkedHashMap<>();
            for (JobVertex v : graph.getVertices()) {
                uids.put(v.getId().toHexString(), v.getOperatorUids());
                parallelism.put(v.getId().toHexString(), v.getParallelism());
            }
            return new CheckpointPlan(sources, running, finished, uids, parallelism);
        }

        @Override
        public CompletableFuture<String> trigger(ExecutionAttempt source, CheckpointBarrier barrier) {
            Execution e = executions.get(new ExecutionKey(JobVertexID.fromHexString(source.vertexId()), source.subtask()));
            SharedSlot slot = slots[source.subtask()];
            if (e == null || e.attempt != source.attempt() || slot == null) {
                return CompletableFuture.completedFuture("the task is not deployed");
            }
            TriggerCheckpointRequest request = TriggerCheckpointRequest.newBuilder().setJobId(jobId.toHexString())
                    .setVertexId(source.vertexId()).setSubtask(source.subtask()).setAttempt(source.attempt())
                    .setCheckpointId(barrier.id()).setTimestamp(barrier.timestamp()).setTargetDirectory(barrier.targetDirectory())
                    .setSavepoint(barrier.savepoint()).build();
            return CompletableFuture.supplyAsync(() -> {
                Ack ack = TaskExecutorServiceGrpc.newBlockingStub(clients.channel(slot.host(), slot.port()))
                        .withDeadlineAfter(rpcTimeoutMillis, TimeUnit.MILLISECONDS).triggerCheckpoint(request);
                return ack.getAccepted() ? null : ack.getMessage();
            }, rpcCalls);
        }

        @Override
        public void notifyComplete(ExecutionAttempt task, long checkpointId) {
            SharedSlot slot = slots[task.subtask()];
            if (slot == null) {
                return;
            }
            NotifyCheckpointCompleteRequest request = NotifyCheckpointCompleteRequest.newBuilder().setJobId(jobId.toHexString())
                    .setVertexId(task.vertexId()).setSubtask(task.subtask()).setAttempt(task.attempt()).setCheckpointId(checkpointId).build();
            try {
                rpcCalls.execute(() -> {
                    try {
                        TaskExecutorServiceGrpc.newBlockingStub(clients.channel(slot.host(), slot.port()))
                                .withDeadlineAfter(rpcTimeoutMillis, TimeUnit.MILLISECONDS).notifyCheckpointComplete(request);
                    } catch (RuntimeException ex) {
                        // a lost notification only delays a commit until the next completed checkpoint
                        LOG.debug("Job {}: notifying {} of checkpoint {} failed: {}", jobId, task, checkpointId, ex.toString());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException ended) {
                LOG.debug("Job {} ended; checkpoint {} not notified to {}", jobId, checkpointId, task);
            }
        }

        @Override
        public void failJob(Throwable cause) {
            // as in Flink, a global failure: the restart strategy decides, and a restart resumes from the latest checkpoint
            onExecutionFailed(null, null, cause);
        }
    }

    boolean heartbeatFromTaskExecutor(JobMasterHeartbeatRequest request) {
        ResourceID te = new ResourceID(request.getResourceId());
        if (lostTaskExecutors.contains(te)) {
            return false;
        }
        heartbeats.heard(te);
        Set<Execution> reported = new HashSet<>();
        for (TaskMetrics m : request.getTasksList()) {
            Execution e = executions.get(new ExecutionKey(JobVertexID.fromHexString(m.getVertexId()), m.getSubtask()));
            if (e != null && e.attempt == m.getAttempt() && !e.status.isTerminal()) {
                reported.add(e);
                e.recordsIn = m.getRecordsIn();
                e.recordsOut = m.getRecordsOut();
                e.metrics = SubtaskMetrics.next(e.metrics, m);
            }
        }
        updateInputProgress();
        for (TaskStateUpdate u : request.getFinalStatesList()) {
            Execution e = executions.get(new ExecutionKey(JobVertexID.fromHexString(u.getVertexId()), u.getSubtask()));
            if (e != null && e.attempt == u.getAttempt() && !e.status.isTerminal()) {
                LOG.info("Job {}: the final state {} of {} came with a heartbeat of {} (its own update was lost)", jobId, u.getState(),
                        e.describe(), te);
                reported.add(e);
                updateTaskState(u);
            }
        }
        reconcile(te, reported);
        return true;
    }

    /**
     * Fails an execution that its TaskExecutor, still heartbeating, has stopped reporting without
     * reporting its end either: whatever ended it, nothing would ever tell this job master, and the
     * job would wait forever. A whole heartbeat timeout of such silence is allowed, because a
     * heartbeat built while the task was being submitted does not list it yet.
     */
    private void reconcile(ResourceID te, Set<Execution> reported) {
        if (status != JobStatus.RUNNING) {
            return;
        }
        long now = System.currentTimeMillis();
        for (Execution e : executions.values()) {
            // until the TaskExecutor took the task, its heartbeats cannot list it
            if (!te.id().equals(e.resourceId) || e.status.isTerminal() || !(e.acceptedByTaskExecutor || e.status == SubtaskStatus.RUNNING)) {
                continue;
            }
            if (reported.contains(e)) {
                e.unreportedSince = -1;
            } else if (e.unreportedSince < 0) {
                e.unreportedSince = now;
            } else if (now - e.unreportedSince > heartbeatTimeoutMillis) {
                LOG.warn("Job {}: TaskExecutor {} has not reported {} for {} ms and never said it ended; it is considered failed", jobId,
                        te, e.describe(), now - e.unreportedSince);
                e.status = SubtaskStatus.FAILED;
                onExecutionFailed(e.describe(), te.id(), new IllegalStateException(e.describe() + " vanished from TaskExecutor " + te
                        + " without a final state (its heartbeats stopped listing it for more than heartbeat.timeout)"));
                checkAllTerminal();
                return;
            }
        }
    }

    @Override
    public void onTaskExecutorLost(ResourceID taskExecutor, String cause) {
        runOnMain(() -> taskExecutorLost(taskExecutor, cause));
    }

    private void taskExecutorLost(ResourceID te, String cause) {
        if (status.isTerminal() || !lostTaskExecutors.add(te)) {
            return;
        }
        heartbeats.unmonitor(te);
        boolean hadSlots = false;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null && slots[i].resourceId().equals(te.id())) {
                slots[i] = null;
                hadSlots = true;
            }
        }
        if (!hadSlots) {
            return;
        }
        LOG.warn("Job {} lost TaskExecutor {}: {}", jobId, te, cause);
        boolean failedAny = false;
        for (Execution e : executions.values()) {
            if (te.id().equals(e.resourceId) && !e.status.isTerminal()) {
                e.status = SubtaskStatus.FAILED;
                failedAny = true;
            }
        }
        if (failedAny || status == JobStatus.RUNNING) {
            onExecutionFailed(null, te.id(), new TaskExecutorLostException(cause));
        }
        checkAllTerminal();
    }

    /**
     * A deployment found its TaskExecutor unreachable: typically a container that died before the
     * cluster reported it. Its slots are dropped (and its offers refused) so that the attempt waits
     * for fresh slots instead of deploying to it again; that is the same fault as the failure that
     * caused this attempt, so it does not count against the restart strategy a second time.
     */
    private void deploymentTargetUnreachable(ResourceID te, String why) {
        boolean first = lostTaskExecutors.add(te);
        heartbeats.unmonitor(te);
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null && slots[i].resourceId().equals(te.id())) {
                slots[i] = null;
            }
        }
        if (first) {
            LOG.warn("Job {} drops the slots of unreachable TaskExecutor {} and waits for others: {}", jobId, te, why);
        }
        if (status == JobStatus.RUNNING) {
            failureCause = new TaskExecutorLostException(why);
            setStatus(JobStatus.RESTARTING);
            cancelAllExecutions();
        }
        checkAllTerminal();
    }

    // ---- failures, restarts, ending --------------------------------------------------------

    /**
     * @param task the subtask attempt that failed, null when the failure is not one task's
     * @param location the TaskExecutor it failed on, or null
     */
    private void onExecutionFailed(String task, String location, Throwable cause) {
        if (status != JobStatus.RUNNING) {
            // already failing, restarting or canceling: the first failure is the root cause; a consumer may have reported it
            // first, and then the producer's own report tells where it happened
            if (lastFailureFromProducer && task != null && (status == JobStatus.RESTARTING || status == JobStatus.FAILING)) {
                lastFailureFromProducer = !recordOriginOfLastException(task, location, cause);
            }
            return;
        }
        lastFailureFromProducer = false;
        failureCause = cause;
        recordException(task, location, cause);
        if (checkpoints != null) {
            checkpoints.abortPending("a task failed: " + Failures.describe(cause));
        }
        if (restartStrategy.onFailure(System.currentTimeMillis())) {
            LOG.info("Job {} will restart ({}) after: {}", jobId, restartStrategy.describe(), Failures.describe(cause));
            setStatus(JobStatus.RESTARTING);
        } else {
            LOG.warn("Job {} fails ({}): {}", jobId, restartStrategy.describe(), Failures.describe(cause));
            setStatus(JobStatus.FAILING);
        }
        cancelAllExecutions();
        checkAllTerminal();
    }

    private void cancelAllExecutions() {
        for (Execution e : executions.values()) {
            if (e.status.isTerminal()) {
                continue;
            }
            if (e.status == SubtaskStatus.CREATED || e.status == SubtaskStatus.SCHEDULED || e.resourceId == null
                    || lostTaskExecutors.contains(new ResourceID(e.resourceId))) {
                e.status = SubtaskStatus.CANCELED;
                continue;
            }
            SharedSlot slot = slots[e.subtask];
            if (slot == null) {
                e.status = SubtaskStatus.CANCELED;
                continue;
            }
            int canceledAttempt = e.attempt;
            // the task is not (or no longer) there when the cancel does not reach it: nothing will report its end
            requestCancel(e, slot, canceledAttempt, () -> {
                if (e.attempt == canceledAttempt && !e.status.isTerminal()) {
                    e.status = SubtaskStatus.CANCELED;
                    checkAllTerminal();
                }
            });
        }
        // a task that ignores cancel must not hold the job forever
        int waitedAttempt = attempt;
        mainThread.schedule(() -> {
            if (attempt == waitedAttempt && (status == JobStatus.CANCELLING || status == JobStatus.FAILING || status == JobStatus.RESTARTING)) {
                for (Execution e : executions.values()) {
                    if (!e.status.isTerminal()) {
                        LOG.warn("{} of job {} did not end after cancel; treating it as canceled", e.describe(), jobId);
                        e.status = SubtaskStatus.CANCELED;
                    }
                }
                checkAllTerminal();
            }
        }, 3 * rpcTimeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Asks the TaskExecutor of {@code slot} to cancel that attempt; {@code ifNotReached} runs on the main thread when it did not take it. */
    private void requestCancel(Execution e, SharedSlot slot, int attempt, Runnable ifNotReached) {
        CancelTaskRequest request = CancelTaskRequest.newBuilder().setJobId(jobId.toHexString())
                .setVertexId(e.vertex.getId().toHexString()).setSubtask(e.subtask).setAttempt(attempt).build();
        rpcCalls.execute(() -> {
            boolean reached;
            try {
                reached = TaskExecutorServiceGrpc.newBlockingStub(clients.channel(slot.host(), slot.port()))
                        .withDeadlineAfter(rpcTimeoutMillis, TimeUnit.MILLISECONDS).cancelTask(request).getAccepted();
            } catch (RuntimeException ex) {
                reached = false;
            }
            if (!reached) {
                runOnMain(ifNotReached);
            }
        });
    }

    private void checkAllTerminal() {
        if (!executions.values().stream().allMatch(e -> e.status.isTerminal())) {
            return;
        }
        switch (status) {
            case CANCELLING -> finish(JobStatus.CANCELED);
            case FAILING -> finish(JobStatus.FAILED);
            case RESTARTING -> {
                long delay = restartStrategy.delay().toMillis();
                int failedAttempt = attempt;
                mainThread.schedule(() -> restart(failedAttempt), delay, TimeUnit.MILLISECONDS);
            }
            default -> {
            }
        }
    }

    private synchronized void recordException(String task, String location, Throwable cause) {
        if (exceptionHistory.size() == MAX_EXCEPTIONS) {
            exceptionHistory.removeFirst();
        }
        // a task's failure arrives as a RemoteFailure: its own trace (with its causes) is the one to keep, not this thread's
        exceptionHistory.addLast(new JobDetails.ExceptionEntry(System.currentTimeMillis(), task, location, Failures.describeRootCause(cause),
                Failures.stackTraceOf(cause)));
    }

    /** Names {@code task} as where the last recorded failure happened, if it has the same root cause; whether it did. */
    private synchronized boolean recordOriginOfLastException(String task, String location, Throwable cause) {
        JobDetails.ExceptionEntry last = exceptionHistory.peekLast();
        if (last == null || !last.rootCause().equals(Failures.describeRootCause(cause))) {
            return false;
        }
        exceptionHistory.removeLast();
        exceptionHistory.addLast(new JobDetails.ExceptionEntry(last.timestamp(), task, location, last.rootCause(), last.stackTrace()));
        return true;
    }

    private void restart(int failedAttempt) {
        if (status != JobStatus.RESTARTING || attempt != failedAttempt) {
            return;
        }
        attempt++;
        restarts++;
        LOG.info("Restarting job {} as attempt {}", jobId, attempt);
        for (Execution e : executions.values()) {
            e.reset(attempt);
        }
        returnPartialSlots();
        setStatus(JobStatus.RUNNING);
        requestMissingSlots();
    }

    /** Frees every slot this job holds at the TaskExecutors (which cancels whatever of it still runs there). */
    private void freeSlotsAtTaskExecutors(String cause) {
        Set<String> freed = new HashSet<>();
        for (SharedSlot s : slots) {
            if (s != null && freed.add(s.resourceId())) {
                FreeSlotsRequest request = FreeSlotsRequest.newBuilder().setJobId(jobId.toHexString()).setCause(cause).build();
                rpcCalls.execute(() -> {
                    try {
                        TaskExecutorServiceGrpc.newBlockingStub(clients.channel(s.host(), s.port()))
                                .withDeadlineAfter(rpcTimeoutMillis, TimeUnit.MILLISECONDS).freeSlots(request);
                    } catch (RuntimeException e) {
                        LOG.debug("Freeing the slots of job {} on {} failed: {}", jobId, s.resourceId(), e.toString());
                    }
                });
            }
        }
    }

    /**
     * A restart that holds only part of its slots gives them all back and asks for all at once: the
     * resource manager grants a job's request whole, so nobody waits on slots another waiter sits on.
     */
    private void returnPartialSlots() {
        int held = 0;
        for (SharedSlot s : slots) {
            if (s != null) {
                held++;
            }
        }
        if (held == 0 || held == slots.length) {
            return;
        }
        LOG.info("Job {} holds {} of the {} slots it needs; returning them to ask for all {} at once", jobId, held, slots.length,
                slots.length);
        freeSlotsAtTaskExecutors("job " + jobId + " restarts and asks for all its slots at once");
        for (SharedSlot s : slots) {
            if (s != null) {
                // they stop heartbeating to this job once its slots are gone there; that silence is no loss
                heartbeats.unmonitor(new ResourceID(s.resourceId()));
            }
        }
        java.util.Arrays.fill(slots, null);
        outstandingSlotRequests = 0;
        resourceManager.returnSlots(jobId);
    }

    private void finish(JobStatus finalStatus) {
        endTime = System.currentTimeMillis();
        PhaseLog.mark("job-ended", "job=" + jobId + " status=" + finalStatus);
        setStatus(finalStatus);
        heartbeats.close();
        if (checkpoints != null) {
            checkpoints.shutdown(finalStatus, suspended);
            checkpointIo.shutdown();
        }
        freeSlotsAtTaskExecutors("job " + jobId + " ended " + finalStatus);
        resourceManager.unregisterJobMaster(jobId);
        JobResult summary = summary();
        LOG.info("Job {} ({}) ended {} after {} ms{}", jobId, graph.getName(), finalStatus, endTime - startTime,
                summary.failureCause() == null ? "" : ": " + summary.failureCause());
        rpcCalls.shutdown();
        mainThread.execute(mainThread::shutdown);
        result.complete(summary);
    }

    // ---- views -----------------------------------------------------------------------------

    private JobResult summary() {
        boolean withCause = status == JobStatus.FAILED || status == JobStatus.FAILING || status == JobStatus.RESTARTING
                || (status == JobStatus.RUNNING && failureCause != null);
        return new JobResult(jobId, graph.getName(), status, startTime, endTime, mergedAccumulators(),
                withCause && failureCause != null ? Failures.describe(failureCause) : null,
                withCause && failureCause != null ? Failures.stackTraceOf(failureCause) : null);
    }

    private Map<String, Object> mergedAccumulators() {
        List<Map<String, SerializedAccumulator>> perSubtask = new ArrayList<>();
        for (Execution e : executions.values()) {
            perSubtask.add(e.accumulators);
        }
        return AccumulatorMerger.merge(perSubtask);
    }

    public CompletableFuture<JobResult> requestSummary() {
        if (result.isDone()) {
            return result;
        }
        return CompletableFuture.supplyAsync(this::summary, mainThreadExecutor());
    }

    public CompletableFuture<JobDetails> requestDetails() {
        if (result.isDone()) {
            return CompletableFuture.completedFuture(details());
        }
        return CompletableFuture.supplyAsync(this::details, mainThreadExecutor());
    }

    private synchronized JobDetails details() {
        List<JobDetails.VertexDetails> vertices = new ArrayList<>();
        for (JobVertex v : graph.getVertices()) {
            List<JobDetails.SubtaskDetails> subtasks = new ArrayList<>();
            long in = 0;
            long out = 0;
            SubtaskStatus aggregate = null;
            for (int i = 0; i < v.getParallelism(); i++) {
                Execution e = executions.get(new ExecutionKey(v.getId(), i));
                subtasks.add(new JobDetails.SubtaskDetails(i, e.status.name(), e.attempt, e.host, e.recordsIn, e.recordsOut,
                        e.resourceId, e.metrics));
                in += e.recordsIn;
                out += e.recordsOut;
                aggregate = aggregate == null || e.status.ordinal() < aggregate.ordinal() ? e.status : aggregate;
            }
            vertices.add(new JobDetails.VertexDetails(v.getId().toHexString(), v.getName(), v.getParallelism(),
                    aggregate == null ? "CREATED" : aggregate.name(), in, out, subtasks));
        }
        return new JobDetails(result.isDone() ? result.join() : summary(), vertices, graph.getEdges(), restarts,
                List.copyOf(exceptionHistory), graph.getJobConfiguration().toMap());
    }
}
