package dev.spindle.runtime.checkpoint;

import dev.spindle.api.ExternalizedCheckpointCleanup;
import dev.spindle.api.JobStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the checkpoints of one job in its job master: triggers them periodically at the sources
 * (honouring min pause, max concurrent and timeout), collects every task's acknowledgement, writes
 * the metadata, tells the tasks, keeps the last {@code num-retained} completed checkpoints and counts
 * failed ones against the tolerable number. Every method runs on the job master's main thread;
 * file system work runs on {@code io} and comes back to the main thread.
 */
public final class CheckpointCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

    private final String jobId;
    private final CheckpointSettings settings;
    private final CheckpointStorage storage;
    private final CheckpointGateway gateway;
    private final ScheduledExecutorService mainThread;
    private final Executor io;
    private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
    private final ArrayDeque<CompletedCheckpoint> completed = new ArrayDeque<>();
    private final CheckpointCounts counts = new CheckpointCounts();
    private long nextId = 1;
    private int consecutiveFailures;
    private long lastCompletionMillis = Long.MIN_VALUE / 2;
    private ScheduledFuture<?> periodic;
    private boolean shutDown;
    private volatile CompletedCheckpointRecorder recorder = CompletedCheckpointRecorder.NONE;

    /**
     * @param io runs storage work one task at a time, in submission order: whether an aborted
     *        checkpoint's files may go is decided after its metadata write finished
     */
    public CheckpointCoordinator(String jobId, CheckpointSettings settings, CheckpointGateway gateway, ScheduledExecutorService mainThread,
            Executor io) {
        this.jobId = jobId;
        this.settings = settings;
        this.storage = new CheckpointStorage(settings.checkpointsDirectory(), jobId);
        this.gateway = gateway;
        this.mainThread = mainThread;
        this.io = io;
    }

    /**
     * Names who records each completed checkpoint before the tasks hear of it (and so before sinks
     * commit output it covers); a failure to record fails the checkpoint.
     */
    public void setRecorder(CompletedCheckpointRecorder recorder) {
        this.recorder = recorder;
    }

    /** Checkpoint ids continue after any {@code chk-<n>} already in the job's directory, which must never be overwritten. */
    public void continueAfterExistingCheckpoints() throws java.io.IOException {
        long highest = storage.highestCheckpointId();
        if (highest > 0) {
            LOG.info("Job {} finds checkpoints up to {} in {}; its checkpoints continue from {}", jobId, highest, storage.jobDirectory(),
                    highest + 1);
            continueAfter(highest);
        }
    }

    /** Checkpoint ids continue after a restored checkpoint's, so the restored one is never overwritten. */
    public void continueAfter(long restoredCheckpointId) {
        nextId = Math.max(nextId, restoredCheckpointId + 1);
    }

    public void startPeriodicCheckpoints() {
        if (periodic == null && !shutDown) {
            LOG.info("Job {} checkpoints every {} ms ({}, timeout {} ms, min pause {} ms, max {} concurrent, {} tolerable failures) into {}",
                    jobId, settings.intervalMillis(), settings.mode(), settings.timeoutMillis(), settings.minPauseMillis(),
                    settings.maxConcurrent(), settings.tolerableFailures(), storage.jobDirectory());
            periodic = mainThread.scheduleAtFixedRate(this::triggerPeriodic, settings.intervalMillis(), settings.intervalMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops the periodic trigger (a stopping job's final savepoint must be its last snapshot, so no
     * checkpoint after it commits sink output the savepoint does not cover); {@link #startPeriodicCheckpoints} resumes it.
     */
    public void stopPeriodicCheckpoints() {
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
            LOG.info("Job {} stopped its periodic checkpoints", jobId);
        }
    }

    /** The checkpoint a cancel leaves behind (RETAIN_ON_CANCELLATION and one completed), or null. */
    public String retainedOnCancel() {
        CompletedCheckpoint latest = completed.peekLast();
        return settings.cleanup() == ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION && latest != null ? latest.directory() : null;
    }

    public CheckpointSettings settings() {
        return settings;
    }

    public CheckpointCounts counts() {
        return counts;
    }

    /** The latest completed checkpoint (what a restart restores), or null. */
    public CompletedCheckpoint latestCompleted() {
        return completed.peekLast();
    }

    private static final int HISTORY_SIZE = 30;
    private final java.util.ArrayDeque<Map<String, Object>> history = new java.util.ArrayDeque<>();
    private List<Map<String, Object>> lastAcknowledgements = List.of();

    public List<CompletedCheckpoint> retained() {
        return List.copyOf(completed);
    }

    /** The latest completed and failed checkpoints and savepoints, oldest first, for the history chart. */
    private void remember(PendingCheckpoint p, String outcome, long durationMs, long sizeBytes) {
        Map<String, Object> h = new java.util.LinkedHashMap<>();
        h.put("id", p.id());
        h.put("savepoint", p.barrier.savepoint());
        h.put("status", outcome);
        h.put("timestamp", System.currentTimeMillis());
        h.put("durationMs", durationMs);
        h.put("sizeBytes", sizeBytes);
        if (history.size() == HISTORY_SIZE) {
            history.removeFirst();
        }
        history.addLast(h);
    }

    /** A JSON-ready view: counts, the latest completed checkpoint, retained ones and those in progress with their acknowledgements. */
    public Map<String, Object> stats() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("intervalMs", settings.intervalMillis());
        m.put("mode", settings.mode().name());
        m.put("triggered", counts.triggered);
        m.put("completed", counts.completed);
        m.put("failed", counts.failed);
        m.put("consecutiveFailures", consecutiveFailures);
        m.put("tolerableFailures", settings.tolerableFailures());
        CompletedCheckpoint last = counts.lastCompleted;
        if (last != null) {
            Map<String, Object> l = new java.util.LinkedHashMap<>();
            l.put("id", last.id());
            l.put("savepoint", last.savepoint());
            l.put("path", last.directory());
            l.put("timestamp", last.timestamp());
            l.put("durationMs", last.durationMillis());
            l.put("sizeBytes", last.sizeInBytes());
            l.put("acknowledgements", List.copyOf(lastAcknowledgements));
            m.put("latestCompleted", l);
        }
        m.put("retained", completed.stream().map(CompletedCheckpoint::directory).toList());
        List<Map<String, Object>> inProgress = new ArrayList<>();
        for (PendingCheckpoint p : pending.values()) {
            Map<String, Object> e = new java.util.LinkedHashMap<>();
            e.put("id", p.id());
            e.put("savepoint", p.barrier.savepoint());
            e.put("acknowledged", p.acknowledged.size());
            e.put("tasks", p.plan.tasksToAcknowledge().size());
            e.put("waitingFor", p.notYetAcknowledged.stream().map(ExecutionAttempt::toString).sorted().toList());
            inProgress.add(e);
        }
        m.put("inProgress", inProgress);
        m.put("history", List.copyOf(history));
        return m;
    }

    void triggerPeriodic() {
        if (shutDown || pending.size() >= settings.maxConcurrent()
                || System.currentTimeMillis() - lastCompletionMillis < settings.minPauseMillis()) {
            return;
        }
        trigger(false, null);
    }

    /** Takes a checkpoint now (tests, and a base for 'checkpoint now' commands). */
    public CompletableFuture<CompletedCheckpoint> triggerCheckpoint() {
        return trigger(false, null);
    }

    /**
     * Takes a savepoint into a new directory under {@code targetDirectory} (or state.savepoints.dir): a
     * self-contained copy of the state with relative paths, kept until the user deletes it.
     */
    public CompletableFuture<CompletedCheckpoint> triggerSavepoint(String targetDirectory) {
        String base = targetDirectory != null ? targetDirectory : settings.savepointsDirectory();
        if (base == null) {
            return CompletableFuture.failedFuture(new CheckpointException("No savepoint directory: name one or set state.savepoints.dir"));
        }
        String dir = new org.apache.hadoop.fs.Path(base, "savepoint-" + jobId.substring(0, Math.min(6, jobId.length())) + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toString();
        return trigger(true, dir);
    }

    private CompletableFuture<CompletedCheckpoint> trigger(boolean savepoint, String savepointDirectory) {
        if (shutDown) {
            return CompletableFuture.failedFuture(new CheckpointException("job " + jobId + " has ended; no more checkpoints"));
        }
        CheckpointPlan plan = gateway.plan();
        if (plan != null && !plan.finished().isEmpty() && !settings.checkpointsAfterTasksFinish()) {
            return CompletableFuture.failedFuture(new CheckpointException("job " + jobId + " has finished tasks and "
                    + "execution.checkpointing.checkpoints-after-tasks-finish.enabled is false"));
        }
        if (plan == null || plan.sources().isEmpty()) {
            // deploying, restarting or all sources done: not a failed checkpoint, just none now
            return CompletableFuture.failedFuture(new CheckpointException("job " + jobId + " is not running with active sources"));
        }
        long id = nextId++;
        String dir = savepoint ? savepointDirectory : storage.checkpointDirectory(id);
        CheckpointBarrier barrier = new CheckpointBarrier(id, System.currentTimeMillis(), dir, savepoint);
        PendingCheckpoint p = new PendingCheckpoint(barrier, plan);
        pending.put(id, p);
        counts.triggered++;
        p.timeout = mainThread.schedule(() -> abort(p, "expired before completing (execution.checkpointing.timeout "
                + settings.timeoutMillis() + " ms); " + p.notYetAcknowledged.size() + " task(s) had not acknowledged", true),
                settings.timeoutMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Triggering {} {} of job {} at {} source task(s) into {}", kind(p), id, jobId, plan.sources().size(), dir);
        for (ExecutionAttempt source : plan.sources()) {
            gateway.trigger(source, barrier).whenCompleteAsync((refusal, error) -> {
                if (error != null || refusal != null) {
                    // a task that is not running yet or any more: no checkpoint now, but nothing failed
                    abort(p, "source " + source + " did not take the trigger: " + (error != null ? error : refusal), false);
                }
            }, mainThread);
        }
        return p.result;
    }

    public void acknowledge(ExecutionAttempt task, long checkpointId, TaskStateHandle handle) {
        PendingCheckpoint p = pending.get(checkpointId);
        if (p == null || p.finalizing || !p.notYetAcknowledged.remove(task)) {
            LOG.debug("Job {} ignores a late or unknown acknowledgement of checkpoint {} by {}", jobId, checkpointId, task);
            return;
        }
        p.acknowledged.put(task, handle);
        p.acknowledgedAfterNanos.put(task, System.nanoTime() - p.startNanos);
        if (p.notYetAcknowledged.isEmpty()) {
            complete(p);
        }
    }

    public void decline(ExecutionAttempt task, long checkpointId, String reason) {
        PendingCheckpoint p = pending.get(checkpointId);
        if (p == null || !p.plan.tasksToAcknowledge().contains(task)) {
            return;
        }
        abort(p, "declined by task " + task + ": " + reason, true);
    }

    /** A task finished: a checkpoint still waiting for it cannot get its acknowledgement (not a failure). */
    public void taskFinished(ExecutionAttempt task) {
        for (PendingCheckpoint p : new ArrayList<>(pending.values())) {
            if (p.notYetAcknowledged.contains(task) && !p.finalizing) {
                abort(p, "task " + task + " finished before it took part", false);
            }
        }
    }

    /** The job fails or restarts: checkpoints in progress will not complete (not counted as failures). */
    public void abortPending(String reason) {
        for (PendingCheckpoint p : new ArrayList<>(pending.values())) {
            // also one whose metadata is being written: a restart must not find it completing afterwards
            p.finalizing = false;
            abort(p, reason, false);
        }
    }

    private void complete(PendingCheckpoint p) {
        p.finalizing = true;
        p.timeout.cancel(false);
        CheckpointMetadata metadata = metadataOf(p);
        long size = p.acknowledged.values().stream().mapToLong(TaskStateHandle::sizeInBytes).sum();
        io.execute(() -> {
            Throwable failure = null;
            try {
                CheckpointStorage.writeMetadata(p.barrier.targetDirectory(), metadata);
                if (!p.barrier.savepoint()) {
                    recorder.recordCompleted(p.id(), p.barrier.targetDirectory());
                    p.recorded = true;
                }
            } catch (Throwable t) {
                failure = t;
            }
            Throwable f = failure;
            try {
                mainThread.execute(() -> afterMetadata(p, metadata, size, f));
            } catch (java.util.concurrent.RejectedExecutionException ended) {
                // the job ended while the metadata was written: its checkpoints were aborted, nothing is left to complete
                LOG.debug("Job {} ended before checkpoint {} finished writing its metadata", jobId, p.id());
            }
        });
    }

    private void afterMetadata(PendingCheckpoint p, CheckpointMetadata metadata, long size, Throwable failure) {
        if (pending.get(p.id()) != p) {
            return; // aborted meanwhile (job ended)
        }
        if (failure != null) {
            p.finalizing = false;
            abort(p, "its metadata could not be written to " + p.barrier.targetDirectory() + ": " + failure, true);
            return;
        }
        pending.remove(p.id());
        long duration = (System.nanoTime() - p.startNanos) / 1_000_000;
        CompletedCheckpoint c = new CompletedCheckpoint(p.id(), p.barrier.timestamp(), p.barrier.targetDirectory(), p.barrier.savepoint(),
                metadata, duration, size);
        consecutiveFailures = 0;
        counts.completed++;
        counts.lastCompleted = c;
        lastAcknowledgements = new ArrayList<>();
        p.acknowledgedAfterNanos.forEach((task, nanos) -> lastAcknowledgements.add(Map.of("task", task.toString(), "vertexId", task.vertexId(),
                "subtask", task.subtask(), "attempt", task.attempt(), "afterMs", nanos / 1_000_000)));
        remember(p, "COMPLETED", duration, size);
        LOG.info("Completed {} {} of job {} in {} ms, {} bytes, at {}", kind(p), p.id(), jobId, duration, size, c.directory());
        if (!c.savepoint()) {
            lastCompletionMillis = System.currentTimeMillis();
            completed.addLast(c);
            // older checkpoints still in progress are subsumed by this one
            for (PendingCheckpoint older : new ArrayList<>(pending.headMap(p.id()).values())) {
                if (!older.barrier.savepoint()) {
                    abort(older, "subsumed by completed checkpoint " + p.id(), false);
                }
            }
            while (completed.size() > settings.numRetained()) {
                CompletedCheckpoint old = completed.removeFirst();
                discardLater(old.directory(), "checkpoint " + old.id() + " (beyond state.checkpoints.num-retained)");
            }
        }
        for (ExecutionAttempt task : p.plan.tasksToAcknowledge()) {
            gateway.notifyComplete(task, p.id());
        }
        p.result.complete(c);
    }

    private void abort(PendingCheckpoint p, String reason, boolean countsAsFailure) {
        if (pending.get(p.id()) != p || p.finalizing) {
            return;
        }
        pending.remove(p.id());
        p.timeout.cancel(false);
        // Decided on the io thread, after any metadata write still under way there: a checkpoint
        // recorded for recovery meanwhile may be what a later ApplicationMaster attempt resumes from.
        io.execute(() -> {
            if (p.recorded) {
                LOG.info("{} {} of job {} stays on storage although aborted: it was already recorded for recovery", kind(p), p.id(),
                        jobId);
                return;
            }
            try {
                CheckpointStorage.discard(p.barrier.targetDirectory());
            } catch (Exception e) {
                LOG.warn("Job {} could not delete the partial {} {} at {}: {}", jobId, kind(p), p.id(), p.barrier.targetDirectory(),
                        e.toString());
            }
        });
        p.result.completeExceptionally(new CheckpointException(kind(p) + " " + p.id() + " of job " + jobId + " failed: " + reason));
        if (!countsAsFailure) {
            LOG.info("{} {} of job {} aborted: {}", kind(p), p.id(), jobId, reason);
            return;
        }
        counts.failed++;
        remember(p, "FAILED", (System.nanoTime() - p.startNanos) / 1_000_000, -1);
        if (p.barrier.savepoint()) {
            LOG.warn("Savepoint {} of job {} failed: {}", p.id(), jobId, reason);
            return;
        }
        consecutiveFailures++;
        LOG.warn("Checkpoint {} of job {} failed ({} consecutive, {} tolerable): {}", p.id(), jobId, consecutiveFailures,
                settings.tolerableFailures(), reason);
        if (consecutiveFailures > settings.tolerableFailures()) {
            gateway.failJob(new CheckpointException("Exceeded the tolerable number of failed checkpoints ("
                    + settings.tolerableFailures() + ", execution.checkpointing.tolerable-failed-checkpoints); last failure: checkpoint "
                    + p.id() + " " + reason));
        }
    }

    private void discardLater(String directory, String what) {
        io.execute(() -> {
            try {
                CheckpointStorage.discard(directory);
                LOG.debug("Job {} deleted {} at {}", jobId, what, directory);
            } catch (Exception e) {
                LOG.warn("Job {} could not delete {} at {}: {}", jobId, what, directory, e.toString());
            }
        });
    }

    /** The job ended: no more checkpoints; its checkpoints are deleted when it finished, or canceled with DELETE_ON_CANCELLATION. */
    public void shutdown(JobStatus finalStatus) {
        shutdown(finalStatus, false);
    }

    /**
     * Like {@link #shutdown(JobStatus)}; with {@code keepForResume} (the job was suspended because its
     * cluster process goes away) every checkpoint stays, for a later attempt to resume from.
     */
    public void shutdown(JobStatus finalStatus, boolean keepForResume) {
        if (shutDown) {
            return;
        }
        shutDown = true;
        if (periodic != null) {
            periodic.cancel(false);
        }
        abortPending("job " + jobId + " ended " + finalStatus);
        boolean delete = !keepForResume && (finalStatus == JobStatus.FINISHED
                || (finalStatus == JobStatus.CANCELED && settings.cleanup() == ExternalizedCheckpointCleanup.DELETE_ON_CANCELLATION));
        CompletedCheckpoint latest = completed.peekLast();
        if (delete) {
            completed.clear();
            discardLater(storage.jobDirectory(), "the checkpoints of the " + finalStatus + " job");
        } else if (latest != null) {
            LOG.info("Job {} ended {}; its latest checkpoint {} is retained at {}", jobId, finalStatus, latest.id(), latest.directory());
        }
    }

    private CheckpointMetadata metadataOf(PendingCheckpoint p) {
        Map<String, Map<Integer, String>> files = new HashMap<>();
        Map<String, List<Integer>> finished = new HashMap<>();
        Map<String, CheckpointMetadata.OperatorEntry> operators = new java.util.TreeMap<>();
        for (Map.Entry<String, List<String>> v : p.plan.uidsByVertex().entrySet()) {
            for (String uid : v.getValue()) {
                files.put(uid, new java.util.TreeMap<>());
                finished.put(uid, new ArrayList<>());
            }
        }
        for (Map.Entry<ExecutionAttempt, TaskStateHandle> ack : p.acknowledged.entrySet()) {
            if (ack.getValue().hasState()) {
                for (String uid : ack.getValue().operatorUids()) {
                    files.computeIfAbsent(uid, u -> new java.util.TreeMap<>()).put(ack.getKey().subtask(), ack.getValue().fileName());
                }
            }
        }
        for (ExecutionAttempt done : p.plan.finished()) {
            for (String uid : p.plan.uidsByVertex().getOrDefault(done.vertexId(), List.of())) {
                finished.get(uid).add(done.subtask());
            }
        }
        for (Map.Entry<String, List<String>> v : p.plan.uidsByVertex().entrySet()) {
            int parallelism = p.plan.parallelismByVertex().get(v.getKey());
            for (String uid : v.getValue()) {
                operators.put(uid, new CheckpointMetadata.OperatorEntry(parallelism, files.get(uid), finished.get(uid)));
            }
        }
        return new CheckpointMetadata(CheckpointMetadata.VERSION, jobId, p.id(), p.barrier.timestamp(), p.barrier.savepoint(), operators);
    }

    private static String kind(PendingCheckpoint p) {
        return p.barrier.savepoint() ? "Savepoint" : "Checkpoint";
    }
}
