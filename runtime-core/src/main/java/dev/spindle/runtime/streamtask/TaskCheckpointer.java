package dev.spindle.runtime.streamtask;

import dev.spindle.runtime.checkpoint.CheckpointBarrier;
import dev.spindle.runtime.checkpoint.CheckpointResponder;
import dev.spindle.runtime.checkpoint.TaskStateFiles;
import dev.spindle.runtime.checkpoint.TaskStateHandle;
import dev.spindle.runtime.operators.StreamOperator;
import dev.spindle.runtime.state.OperatorSnapshot;
import dev.spindle.runtime.state.OperatorStateData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one task's part of a checkpoint: passes the barrier on to every output, copies the state of
 * every operator of the chain (synchronously, in the thread that owns the operators), then writes
 * the copies into one file on an asynchronous thread and acknowledges. Processing stops only for the copy.
 */
final class TaskCheckpointer implements BarrierListener {

    private static final Logger LOG = LoggerFactory.getLogger(TaskCheckpointer.class);

    /** Set when the task ends without waiting for its writes: a write it interrupts is abandoned, not declined. */
    private volatile boolean abandoned;
    private final String taskName;
    private final String jobId;
    private final String stateFileName;
    private final List<StreamOperator<?, ?>> operators;
    private final List<String> uids;
    private final List<RecordWriter> writers;
    private final CheckpointResponder responder;
    private final ExecutorService asyncWriter;

    TaskCheckpointer(String taskName, String jobId, String stateFileName, List<StreamOperator<?, ?>> operators, List<String> uids,
            List<RecordWriter> writers, CheckpointResponder responder) {
        this.taskName = taskName;
        this.jobId = jobId;
        this.stateFileName = stateFileName;
        this.operators = operators;
        this.uids = uids;
        this.writers = writers;
        this.responder = responder;
        this.asyncWriter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "checkpoint-writer " + taskName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void onAligned(CheckpointBarrier barrier) throws Exception {
        perform(barrier);
    }

    @Override
    public void onAborted(long checkpointId, String reason) {
        LOG.info("Task {} of job {} gives up checkpoint {}: {}", taskName, jobId, checkpointId, reason);
        responder.decline(checkpointId, reason);
    }

    /** Call with no record in flight in the chain (task thread, or a source's checkpoint lock held). */
    void perform(CheckpointBarrier barrier) throws Exception {
        long start = System.nanoTime();
        for (RecordWriter w : writers) {
            w.broadcastBarrier(barrier);
        }
        Map<String, OperatorSnapshot> copies = new LinkedHashMap<>();
        for (int i = 0; i < operators.size(); i++) {
            copies.put(uids.get(i), operators.get(i).snapshotState(barrier.id(), barrier.timestamp()));
        }
        long syncMicros = (System.nanoTime() - start) / 1000;
        asyncWriter.execute(() -> write(barrier, copies, syncMicros));
    }

    private void write(CheckpointBarrier barrier, Map<String, OperatorSnapshot> copies, long syncMicros) {
        try {
            Map<String, OperatorStateData> written = new LinkedHashMap<>();
            boolean any = false;
            for (Map.Entry<String, OperatorSnapshot> e : copies.entrySet()) {
                OperatorStateData data = e.getValue().write();
                written.put(e.getKey(), data);
                any |= !data.keyed().isEmpty() || !data.operator().isEmpty();
            }
            TaskStateHandle handle = any ? TaskStateFiles.write(barrier.targetDirectory(), stateFileName, written)
                    : new TaskStateHandle("", 0, List.copyOf(copies.keySet()));
            LOG.debug("Task {} of job {} wrote checkpoint {} ({} bytes, sync part {} us)", taskName, jobId, barrier.id(),
                    handle.sizeInBytes(), syncMicros);
            responder.acknowledge(barrier.id(), handle);
        } catch (Throwable t) {
            if (abandoned) {
                // The task is failing or being canceled and stopped this write: not a checkpoint failure to count
                // (the job master aborts the checkpoint, uncounted, once it learns of the task's end).
                LOG.info("Task {} of job {} abandoned its state of checkpoint {} as it ends: {}", taskName, jobId, barrier.id(),
                        t.toString());
                return;
            }
            LOG.warn("Task {} of job {} could not write its state of checkpoint {}: {}", taskName, jobId, barrier.id(), t.toString());
            responder.decline(barrier.id(), "task " + taskName + " could not write its state to " + barrier.targetDirectory() + ": " + t);
        }
    }

    /** Lets pending writes finish (so the task acknowledges before it reports its end), then stops the writer. */
    void close(boolean waitForPendingWrites) {
        abandoned = !waitForPendingWrites;
        asyncWriter.shutdown();
        if (waitForPendingWrites) {
            try {
                asyncWriter.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            asyncWriter.shutdownNow();
        }
    }
}
