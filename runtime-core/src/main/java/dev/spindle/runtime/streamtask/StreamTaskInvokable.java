package dev.spindle.runtime.streamtask;

import dev.spindle.configuration.ExecutionOptions;
import dev.spindle.runtime.io.ResultPartitionWriter;
import dev.spindle.api.OutputTag;
import dev.spindle.runtime.operators.OperatorContext;
import dev.spindle.runtime.metrics.OperatorIOMetrics;
import dev.spindle.runtime.operators.RecordTimestamp;
import dev.spindle.runtime.timers.TaskProcessingTimeService;
import dev.spindle.runtime.operators.Output;
import dev.spindle.runtime.operators.SourceOperator;
import dev.spindle.runtime.operators.StreamOperator;
import dev.spindle.runtime.serialization.JavaSerialization;
import dev.spindle.runtime.serialization.RecordSerializer;
import dev.spindle.runtime.task.TaskEnvironment;
import dev.spindle.runtime.task.TaskInvokable;
import dev.spindle.api.CheckpointingMode;
import dev.spindle.configuration.CheckpointingOptions;
import dev.spindle.runtime.checkpoint.CheckpointBarrier;
import dev.spindle.runtime.checkpoint.TaskCheckpointServices;
import dev.spindle.runtime.checkpoint.TaskRestore;
import dev.spindle.runtime.checkpoint.TaskStateReader;
import dev.spindle.runtime.state.OperatorStateData;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the operator chain of one subtask: a source, or the records of all input gates, pushed
 * through the chained operators into the output edges. The chain comes Java-serialized in the
 * vertex's task configuration and is deserialized with the user-code classloader.
 */
public final class StreamTaskInvokable implements TaskInvokable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamTaskInvokable.class);

    private volatile boolean canceled;
    private volatile SourceOperator<?> source;
    /** Set once the chain is open and checkpointing is on; triggers before that are declined. */
    private volatile TaskCheckpointer checkpointer;
    private volatile List<StreamOperator<?, ?>> chain = List.of();
    private volatile boolean running;
    private final ConcurrentLinkedQueue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
    private volatile ExecutorService sourceCheckpointThread;
    private String taskName;
    private volatile SourceOperator<?> sourceHead;
    private volatile TaskProcessingTimeService timeService;
    private volatile Throwable asyncFailure;

    public StreamTaskInvokable() {
    }

    @Override
    public void invoke(TaskEnvironment env) throws Exception {
        taskName = env.getVertex().getName() + " (" + (env.getSubtaskIndex() + 1) + "/" + env.getParallelism() + ")";
        StreamTaskConfig config;
        try {
            config = JavaSerialization.fromBytes(env.getVertex().getTaskConfiguration(), env.getUserCodeClassLoader());
        } catch (ClassNotFoundException e) {
            throw new StreamTaskException("Task " + taskName + " of job " + env.getJobId() + " cannot load user class "
                    + e.getMessage() + "; is it in the job jar?", e);
        }
        RecordTimestamp recordTimestamp = new RecordTimestamp();
        timeService = new TaskProcessingTimeService(taskName, this::runInTaskThread, this::onAsyncFailure);
        OperatorContext operatorContext = new OperatorContext(env, env.getVertex().getName(), config.batchMode(), recordTimestamp,
                timeService);
        RecordSerializer serializer = new RecordSerializer(env.getUserCodeClassLoader());
        List<StreamOperator<?, ?>> operators = new ArrayList<>();
        List<RecordWriter> writers = new ArrayList<>();
        long bufferTimeout = env.getJobConfiguration().get(ExecutionOptions.BUFFER_TIMEOUT).toMillis();
        buildChain(config.head(), env, operatorContext, operators, writers, bufferTimeout == 0, null, recordTimestamp);
        if (operators.get(0) instanceof SourceOperator<?> s) {
            sourceHead = s;
            env.getIOMetrics().setSourceProgress(s.inputProgress());
        }

        boolean checkpointing = env.getJobConfiguration().contains(CheckpointingOptions.CHECKPOINTING_INTERVAL) && !config.batchMode();
        TaskCheckpointServices services = env.getCheckpointServices();
        TaskRestore restore = services.restore();
        if (restore.finished()) {
            timeService.shutdown(false);
            finishWithoutRunning(env, writers);
            return;
        }
        List<String> uids = uidsOf(config.head());
        chain = operators;
        if (checkpointing) {
            checkpointer = new TaskCheckpointer(taskName, env.getJobId().toString(),
                    "task-" + env.getVertex().getId().toHexString() + "-" + env.getSubtaskIndex(), operators, uids, writers,
                    services.responder());
        }
        OutputFlusher flusher = null;
        boolean succeeded = false;
        LOG.info("Task {} of job {} starting (attempt {}, {} mode, {} input gate(s), {} output edge(s))", taskName, env.getJobId(),
                env.getAttemptNumber(), config.batchMode() ? "BATCH" : "STREAMING", env.getInputGates().size(), writers.size());
        try {
            restoreState(env, restore, operators, uids);
            for (int i = operators.size() - 1; i >= 0; i--) {
                operators.get(i).open();
            }
            if (!writers.isEmpty() && bufferTimeout > 0) {
                flusher = new OutputFlusher(taskName, writers, bufferTimeout);
                flusher.start();
            }
            StreamOperator<?, ?> head = operators.get(0);
            if (head instanceof SourceOperator<?> s) {
                if (checkpointing && !s.isReplayable()) {
                    LOG.warn("Task {} of job {}: source '{}' cannot be replayed; with checkpointing, a recovery continues with what "
                            + "the source sends next and records in flight at a failure are lost", taskName, env.getJobId(),
                            env.getVertex().getName());
                }
                source = s;
                running = true;
                if (!canceled) {
                    s.run();
                }
                running = false;
                stopSourceCheckpointThread(s, canceled);
                timeService.shutdown(true);
                rethrowAsyncFailure();
                if (!canceled) {
                    // the source ended: event time is complete, so every event-time window and timer fires
                    s.processWatermark(Long.MAX_VALUE);
                }
            } else {
                @SuppressWarnings("unchecked")
                StreamOperator<Object, ?> typedHead = (StreamOperator<Object, ?>) head;
                running = true;
                BarrierHandler barriers = null;
                if (checkpointing) {
                    boolean exactlyOnce = env.getJobConfiguration().get(CheckpointingOptions.CHECKPOINTING_MODE)
                            == CheckpointingMode.EXACTLY_ONCE;
                    barriers = BarrierHandler.create(exactlyOnce, InputProcessor.totalChannels(env.getInputGates()), checkpointer);
                }
                new InputProcessor(measured(env), config.gateInputs(), serializer, typedHead, env.getIOMetrics(), () -> canceled, barriers,
                        this::runMailbox, recordTimestamp).run();
                running = false;
                timeService.shutdown(true);
            }
            if (canceled) {
                throw new CancellationException("Task " + taskName + " was canceled");
            }
            for (StreamOperator<?, ?> operator : operators) {
                operator.endInput();
            }
            if (flusher != null) {
                flusher.stopAndJoin();
            }
            if (checkpointer != null) {
                // acknowledgements of checkpoints taken before the end go out before the task reports FINISHED
                checkpointer.close(true);
            }
            for (RecordWriter writer : writers) {
                writer.finish();
            }
            closeAll(operators, null);
            succeeded = true;
            LOG.info("Task {} of job {} finished: {} records in, {} records out", taskName, env.getJobId(),
                    env.getIOMetrics().getRecordsIn(), env.getIOMetrics().getRecordsOut());
        } catch (Throwable t) {
            if (canceled || t instanceof CancellationException) {
                Throwable cancel = t instanceof CancellationException ? t : new CancellationException("Task " + taskName + " was canceled");
                cleanUpAfterFailure(operators, writers, cancel);
                throw (Exception) cancel;
            }
            cleanUpAfterFailure(operators, writers, t);
            LOG.info("Task {} of job {} failed: {}", taskName, env.getJobId(), t.toString());
            // Rethrown as is: the runtime reports the thrown exception's class, message and trace to the
            // user, who should see their own function's exception there, not a wrapper around it.
            throw Sneaky.rethrow(t);
        } finally {
            running = false;
            timeService.shutdown(false);
            ExecutorService trigger = sourceCheckpointThread;
            if (trigger != null) {
                trigger.shutdownNow();
            }
            if (checkpointer != null && !succeeded) {
                checkpointer.close(false);
            }
            if (flusher != null && !succeeded) {
                flusher.abort();
            }
            if (!succeeded && canceled) {
                LOG.info("Task {} of job {} canceled", taskName, env.getJobId());
            }
        }
    }

    private static void cleanUpAfterFailure(List<StreamOperator<?, ?>> operators, List<RecordWriter> writers, Throwable cause) {
        closeAll(operators, cause);
        for (RecordWriter writer : writers) {
            try {
                writer.release(cause);
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** Closes every operator; with a primary failure, close failures are attached to it, else the first is thrown. */
    private static void closeAll(List<StreamOperator<?, ?>> operators, Throwable primary) {
        Exception first = null;
        for (StreamOperator<?, ?> operator : operators) {
            try {
                operator.close();
            } catch (Exception e) {
                if (primary != null) {
                    primary.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw Sneaky.rethrow(first);
        }
    }

    /** Sets up the operators of the chain in pre-order (an operator before those it feeds). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void buildChain(ChainedOperatorConfig node, TaskEnvironment env, OperatorContext ctx,
                                   List<StreamOperator<?, ?>> operators, List<RecordWriter> writers, boolean flushEveryRecord,
                                   OperatorIOMetrics nodeMetrics, RecordTimestamp timestamp) {
        StreamOperator operator = node.getOperator();
        operators.add(operator);
        // The head's records in are the task's (counted by the input processor); a chained operator's are counted by its ChainingOutput.
        OperatorIOMetrics metrics = nodeMetrics != null ? nodeMetrics : env.getIOMetrics().addOperator(node.getName());
        List<Output<Object>> outputs = new ArrayList<>();
        Map<OutputTag<?>, List<Output<Object>>> sideOutputs = new HashMap<>();
        for (ChainedOperatorConfig.NetworkOutputConfig out : node.getNetworkOutputs()) {
            List<ResultPartitionWriter> partitionWriters = env.getOutputWriters();
            if (out.writerIndex() >= partitionWriters.size()) {
                throw new IllegalStateException("Task " + env.getVertex().getName() + " expects output edge " + out.writerIndex()
                        + " but the runtime gave it " + partitionWriters.size() + " output writers");
            }
            RecordWriter writer = new RecordWriter(new MeasuredPartitionWriter(partitionWriters.get(out.writerIndex()), env.getIOMetrics()),
                    out.partitioner(),
                    new RecordSerializer(env.getUserCodeClassLoader()), env.getSubtaskIndex(), flushEveryRecord);
            writers.add(writer);
            Output<Object> o = new RecordWriterOutput<>(writer, env.getIOMetrics(), timestamp);
            if (out.tag() == null) {
                outputs.add(o);
            } else {
                sideOutputs.computeIfAbsent(out.tag(), t -> new ArrayList<>()).add(o);
            }
        }
        List<OperatorIOMetrics> childMetrics = new ArrayList<>();
        for (ChainedOperatorConfig child : node.getChainedOutputs()) {
            OperatorIOMetrics cm = env.getIOMetrics().addOperator(child.getName());
            childMetrics.add(cm);
            Output<Object> o = new ChainingOutput<>((StreamOperator<Object, ?>) child.getOperator(), cm, timestamp);
            if (child.getInputTag() == null) {
                outputs.add(o);
            } else {
                sideOutputs.computeIfAbsent(child.getInputTag(), t -> new ArrayList<>()).add(o);
            }
        }
        Output<Object> output = combine(outputs);
        if (!sideOutputs.isEmpty()) {
            Map<OutputTag<?>, Output<Object>> sides = new HashMap<>();
            sideOutputs.forEach((tag, list) -> sides.put(tag, combine(list)));
            output = new SideOutputRouter<>(output, sides);
        }
        operator.setup(ctx, new CountingOutput<>(output, metrics));
        for (int i = 0; i < node.getChainedOutputs().size(); i++) {
            buildChain(node.getChainedOutputs().get(i), env, ctx, operators, writers, flushEveryRecord, childMetrics.get(i), timestamp);
        }
    }

    private static Output<Object> combine(List<Output<Object>> outputs) {
        return outputs.isEmpty() ? new DiscardingOutput<>() : outputs.size() == 1 ? outputs.get(0) : new FanOutOutput<>(outputs);
    }

    /** The task's input gates, counting bytes in and the time spent waiting for them. */
    private static List<dev.spindle.runtime.io.InputGate> measured(TaskEnvironment env) {
        List<dev.spindle.runtime.io.InputGate> gates = new ArrayList<>();
        for (dev.spindle.runtime.io.InputGate g : env.getInputGates()) {
            gates.add(new MeasuredInputGate(g, env.getIOMetrics()));
        }
        return gates;
    }

    private static List<String> uidsOf(ChainedOperatorConfig node) {
        List<String> uids = new ArrayList<>();
        collectUids(node, uids);
        return uids;
    }

    /** Same pre-order as {@link #buildChain}, so uids.get(i) belongs to operators.get(i). */
    private static void collectUids(ChainedOperatorConfig node, List<String> uids) {
        uids.add(node.getUid());
        for (ChainedOperatorConfig child : node.getChainedOutputs()) {
            collectUids(child, uids);
        }
    }

    /** Gives every operator its state: the restored one by uid, or empty stores on a fresh start. */
    private void restoreState(TaskEnvironment env, TaskRestore restore, List<StreamOperator<?, ?>> operators, List<String> uids)
            throws Exception {
        TaskStateReader reader = new TaskStateReader(restore, env.getSubtaskIndex(), env.getParallelism());
        for (int i = 0; i < operators.size(); i++) {
            if (restore.isRestored()) {
                OperatorStateData data = reader.read(uids.get(i));
                // restored (possibly without state of its own): sinks and sources then know they resume
                operators.get(i).initializeState(data == null ? OperatorStateData.EMPTY : data);
            } else {
                operators.get(i).initializeState(null);
            }
        }
        if (restore.isRestored()) {
            LOG.info("Task {} of job {} restored from checkpoint {} in {} ({} state file(s))", taskName, env.getJobId(),
                    restore.checkpointId(), restore.directory(), reader.filesRead());
        }
    }

    /** The task had finished when the restored checkpoint was taken: its records are in the downstream state already. */
    private void finishWithoutRunning(TaskEnvironment env, List<RecordWriter> writers) throws Exception {
        for (dev.spindle.runtime.io.InputGate gate : env.getInputGates()) {
            while (gate.getNext() != null) {
                // upstream finished as well; only its end arrives
            }
        }
        for (RecordWriter writer : writers) {
            writer.finish();
        }
        LOG.info("Task {} of job {} had finished before the restored checkpoint; it does not run again", taskName, env.getJobId());
    }

    /** Where timers run: under a source's lock (source tasks), else in the input loop's mailbox. */
    private void runInTaskThread(Runnable action) {
        SourceOperator<?> s = sourceHead;
        if (s != null) {
            s.runBetweenRecords(action);
        } else {
            mailbox.add(action);
        }
    }

    /** A timer failed outside the task thread (a source task's timer thread): the source is stopped and the task fails with it. */
    private void onAsyncFailure(Throwable failure) {
        if (asyncFailure == null) {
            asyncFailure = failure;
        }
        LOG.info("Task {}: a timer failed: {}", taskName, failure.toString());
        SourceOperator<?> s = sourceHead;
        if (s != null) {
            s.cancel();
        }
    }

    private void rethrowAsyncFailure() {
        Throwable failure = asyncFailure;
        if (failure != null) {
            throw Sneaky.rethrow(failure);
        }
    }

    private void runMailbox() {
        Runnable r;
        while ((r = mailbox.poll()) != null) {
            r.run();
        }
    }

    @Override
    public boolean triggerCheckpoint(CheckpointBarrier barrier) {
        SourceOperator<?> s = source;
        TaskCheckpointer c = checkpointer;
        if (s == null || c == null || !running || canceled) {
            LOG.debug("Task {} refuses checkpoint {}: source {}, checkpointer {}, running {}, canceled {}", taskName, barrier.id(),
                    s != null, c != null, running, canceled);
            return false;
        }
        try {
            sourceThread().execute(() -> s.runBetweenRecords(() -> {
                if (!running || canceled) {
                    // the task's end report makes the coordinator give this checkpoint up (not a failure)
                    LOG.debug("Source task {} ended before the barrier of checkpoint {} could be sent", taskName, barrier.id());
                    return;
                }
                try {
                    c.perform(barrier);
                } catch (Exception e) {
                    c.onAborted(barrier.id(), "source task " + taskName + " could not take its snapshot: " + e);
                }
            }));
        } catch (java.util.concurrent.RejectedExecutionException ended) {
            return false;
        }
        return true;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        Runnable notify = () -> {
            for (StreamOperator<?, ?> op : chain) {
                try {
                    op.notifyCheckpointComplete(checkpointId);
                } catch (Exception e) {
                    throw Sneaky.rethrow(new StreamTaskException("Task " + taskName + " failed on completion of checkpoint "
                            + checkpointId + ": " + e, e));
                }
            }
        };
        SourceOperator<?> s = source;
        if (s != null) {
            try {
                sourceThread().execute(() -> s.runBetweenRecords(() -> {
                    if (running) {
                        notify.run();
                    }
                }));
            } catch (java.util.concurrent.RejectedExecutionException ended) {
                // the source ended; its end commits what is left
            }
        } else {
            mailbox.add(notify);
        }
    }

    /** Source tasks take checkpoints on this thread (holding the source's lock), not on the RPC thread. */
    private synchronized ExecutorService sourceThread() {
        if (sourceCheckpointThread == null) {
            sourceCheckpointThread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "checkpoint-trigger " + taskName);
                t.setDaemon(true);
                return t;
            });
        }
        return sourceCheckpointThread;
    }

    /** Lets a checkpoint in progress at the source's end finish before the outputs are finished. */
    private void stopSourceCheckpointThread(SourceOperator<?> s, boolean wasCanceled) throws InterruptedException {
        ExecutorService t;
        synchronized (this) {
            t = sourceCheckpointThread;
        }
        if (t == null) {
            return;
        }
        if (wasCanceled) {
            // it may be blocked emitting a barrier to a consumer that is gone
            t.shutdownNow();
            return;
        }
        t.shutdown();
        t.awaitTermination(60, TimeUnit.SECONDS);
    }

    @Override
    public void cancel() {
        canceled = true;
        SourceOperator<?> s = source;
        if (s != null) {
            s.cancel();
        }
    }
}
