package dev.spindle.runtime.taskexecutor;

import com.google.protobuf.ByteString;
import dev.spindle.api.accumulators.Accumulator;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.io.InputGate;
import dev.spindle.runtime.io.ResultPartitionWriter;
import dev.spindle.runtime.io.network.PartitionKey;
import dev.spindle.runtime.io.network.ShuffleEnvironment;
import dev.spindle.runtime.jobgraph.JobEdge;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.metrics.TaskIOMetrics;
import dev.spindle.runtime.rpc.Failures;
import dev.spindle.runtime.rpc.proto.SerializedAccumulator;
import dev.spindle.runtime.rpc.proto.TaskState;
import dev.spindle.runtime.rpc.proto.TaskStateUpdate;
import dev.spindle.runtime.task.AccumulatorRegistry;
import dev.spindle.runtime.task.FinalCommitFence;
import dev.spindle.runtime.task.TaskInvokable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One subtask attempt running in its own thread inside a TaskExecutor. */
final class Task {

    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    private final TaskDeployment deployment;
    private final Configuration taskExecutorConfiguration;
    private final ShuffleEnvironment shuffle;
    private final JobClassLoaderCache classLoaders;
    private final TaskStateListener listener;
    private final dev.spindle.runtime.checkpoint.CheckpointResponder checkpointResponder;
    private final FinalCommitFence finalCommitFence;
    private final String resourceId;
    private final TaskIOMetrics metrics = new TaskIOMetrics();
    private final AccumulatorRegistry accumulators = new AccumulatorRegistry();
    // written by the task thread, read by the heartbeat (buffer usage)
    private final List<ResultPartitionWriter> writers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<InputGate> gates = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile TaskInvokable invokable;
    private volatile boolean canceled;
    private volatile TaskState state = TaskState.DEPLOYING;
    /** Completes when the task's thread has left its code: only then is its slot free for another task. */
    private final CompletableFuture<Void> threadEnded = new CompletableFuture<>();

    Task(TaskDeployment deployment, Configuration taskExecutorConfiguration, ShuffleEnvironment shuffle,
            JobClassLoaderCache classLoaders, TaskStateListener listener, String resourceId,
            dev.spindle.runtime.checkpoint.CheckpointResponder checkpointResponder, FinalCommitFence finalCommitFence) {
        this.checkpointResponder = checkpointResponder;
        this.finalCommitFence = finalCommitFence;
        this.deployment = deployment;
        this.taskExecutorConfiguration = taskExecutorConfiguration;
        this.shuffle = shuffle;
        this.classLoaders = classLoaders;
        this.listener = listener;
        this.resourceId = resourceId;
        this.thread = new Thread(this::run, deployment.describe());
        this.thread.setDaemon(true);
    }

    TaskDeployment deployment() {
        return deployment;
    }

    TaskIOMetrics metrics() {
        return metrics;
    }

    /** How full the buffers of the task's result partitions are, summed over them. */
    dev.spindle.runtime.rpc.proto.BufferUsage outputBuffers() {
        return usage(writers);
    }

    /** How full the buffers of the task's input gates are, summed over them. */
    dev.spindle.runtime.rpc.proto.BufferUsage inputBuffers() {
        return usage(gates);
    }

    private static dev.spindle.runtime.rpc.proto.BufferUsage usage(List<?> parts) {
        int used = 0;
        int capacity = 0;
        for (Object p : parts) {
            if (p instanceof dev.spindle.runtime.io.BufferOccupancy o) {
                used += o.usedBuffers();
                capacity += o.bufferCapacity();
            }
        }
        return dev.spindle.runtime.rpc.proto.BufferUsage.newBuilder().setUsed(used).setCapacity(capacity).build();
    }

    TaskState state() {
        return state;
    }

    void start() {
        thread.start();
    }

    /** Completes once the task's thread has ended, whatever cancel was asked of it. */
    CompletableFuture<Void> threadEnded() {
        return threadEnded;
    }

    boolean isCanceled() {
        return canceled;
    }

    /** Asks the invokable to stop, interrupts the thread and fails the outputs so blocked peers wake up. */
    void cancel() {
        if (state == TaskState.FINISHED || state == TaskState.FAILED || state == TaskState.CANCELED || canceled) {
            return;
        }
        canceled = true;
        LOG.info("Canceling {}", deployment.describe());
        TaskInvokable inv = invokable;
        if (inv != null) {
            try {
                inv.cancel();
            } catch (RuntimeException e) {
                LOG.warn("cancel() of {} threw {}", deployment.describe(), e.toString());
            }
        }
        thread.interrupt();
    }

    /** False when the task cannot take part (not running, not a checkpointing source): the checkpoint is declined. */
    boolean triggerCheckpoint(dev.spindle.runtime.checkpoint.CheckpointBarrier barrier) {
        TaskInvokable inv = invokable;
        boolean ok = state == TaskState.RUNNING && !canceled && inv != null && inv.triggerCheckpoint(barrier);
        if (!ok) {
            LOG.debug("{} refuses checkpoint {}: state {}, canceled {}, invokable {}", deployment.describe(), barrier.id(), state, canceled, inv);
        }
        return ok;
    }

    void notifyCheckpointComplete(long checkpointId) {
        TaskInvokable inv = invokable;
        // a canceled attempt publishes nothing: its successor may already own the output
        if (state == TaskState.RUNNING && !canceled && inv != null) {
            inv.notifyCheckpointComplete(checkpointId);
        }
    }

    private void run() {
        JobGraph graph = deployment.jobGraph();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            // The job's own settings (e.g. classloader.resolve-order) win over the TaskExecutor's.
            Configuration classLoading = new Configuration(taskExecutorConfiguration);
            classLoading.addAll(graph.getJobConfiguration());
            ClassLoader userLoader = classLoaders.forJob(graph.getJobId(), graph.getUserJars(), classLoading);
            createOutputsAndInputs(graph);
            Class<?> clazz = Class.forName(deployment.vertex().getInvokableClassName(), true, userLoader);
            if (!TaskInvokable.class.isAssignableFrom(clazz)) {
                throw new IllegalArgumentException("invokable class " + clazz.getName() + " of vertex '" + deployment.vertex().getName()
                        + "' does not implement " + TaskInvokable.class.getName());
            }
            invokable = (TaskInvokable) clazz.getDeclaredConstructor().newInstance();
            Thread.currentThread().setContextClassLoader(userLoader);
            if (canceled) {
                throw new InterruptedException("canceled before start");
            }
            transition(TaskState.RUNNING, null);
            invokable.invoke(new RuntimeTaskEnvironment(deployment, userLoader, taskExecutorConfiguration, List.copyOf(gates),
                    List.copyOf(writers), metrics, accumulators,
                    new dev.spindle.runtime.checkpoint.TaskCheckpointServices(checkpointResponder, deployment.restore()), finalCommitFence));
            for (ResultPartitionWriter w : writers) {
                w.finish();
            }
            if (canceled) {
                throw new InterruptedException("canceled");
            }
            closeGates();
            transition(TaskState.FINISHED, null);
        } catch (Throwable t) {
            closeGates();
            for (ResultPartitionWriter w : writers) {
                w.release(t);
            }
            if (canceled) {
                transition(TaskState.CANCELED, null);
            } else {
                Throwable reported = t;
                boolean fromProducer = false;
                if (t instanceof dev.spindle.runtime.io.network.ProducerFailedException producerFailed) {
                    // A consequence of another task's end: report that task's failure, so the job's root cause does
                    // not depend on whose state update reaches the job master first.
                    LOG.info("{} stopped because a producer ended: {}", deployment.describe(), t.getMessage());
                    if (producerFailed.getCause() != null) {
                        reported = producerFailed.getCause();
                        fromProducer = true;
                    }
                } else {
                    LOG.warn("{} failed: {}", deployment.describe(), t.toString());
                }
                transition(TaskState.FAILED, reported, fromProducer);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
            threadEnded.complete(null);
        }
    }

    private void createOutputsAndInputs(JobGraph graph) {
        JobVertex vertex = deployment.vertex();
        List<JobEdge> edges = graph.getEdges();
        for (int e = 0; e < edges.size(); e++) {
            JobEdge edge = edges.get(e);
            if (edge.source().equals(vertex.getId())) {
                int numSub = edge.shipStrategy() == ShipStrategy.FORWARD ? 1 : graph.vertex(edge.target()).getParallelism();
                writers.add(shuffle.createResultPartition(
                        new PartitionKey(graph.getJobId(), e, deployment.subtask(), deployment.attempt()), numSub));
            }
        }
        for (JobEdge edge : graph.getInputEdges(vertex.getId())) {
            int e = edges.indexOf(edge);
            List<ShuffleEnvironment.ChannelSpec> channels = new ArrayList<>();
            if (edge.shipStrategy() == ShipStrategy.FORWARD) {
                channels.add(new ShuffleEnvironment.ChannelSpec(deployment.subtask(), 0, deployment.slotLocations().get(deployment.subtask())));
            } else {
                int producers = graph.vertex(edge.source()).getParallelism();
                for (int p = 0; p < producers; p++) {
                    channels.add(new ShuffleEnvironment.ChannelSpec(p, deployment.subtask(), deployment.slotLocations().get(p)));
                }
            }
            gates.add(shuffle.createInputGate(graph.getJobId(), e, deployment.attempt(), channels,
                    "input " + edge.targetInputIndex() + " of " + deployment.describe()));
        }
    }

    private void closeGates() {
        for (InputGate g : gates) {
            g.close();
        }
    }

    private void transition(TaskState newState, Throwable failure) {
        transition(newState, failure, false);
    }

    private void transition(TaskState newState, Throwable failure, boolean failureFromProducer) {
        state = newState;
        TaskStateUpdate.Builder u = TaskStateUpdate.newBuilder()
                .setJobId(deployment.jobGraph().getJobId().toHexString())
                .setVertexId(deployment.vertex().getId().toHexString())
                .setSubtask(deployment.subtask())
                .setAttempt(deployment.attempt())
                .setState(newState)
                .setRecordsIn(metrics.getRecordsIn())
                .setRecordsOut(metrics.getRecordsOut())
                .setResourceId(resourceId);
        if (failure != null) {
            u.setFailure(Failures.toInfo(failure)).setFailureFromProducer(failureFromProducer);
        }
        if (newState == TaskState.FINISHED) {
            for (Map.Entry<String, Accumulator<?, ?>> a : accumulators.snapshot().entrySet()) {
                u.putAccumulators(a.getKey(), serialize(a.getValue()));
            }
        }
        LOG.info("{} is {}", deployment.describe(), newState);
        listener.onStateChange(this, u.build());
    }

    private static SerializedAccumulator serialize(Accumulator<?, ?> accumulator) {
        SerializedAccumulator.Builder b = SerializedAccumulator.newBuilder().setValueText(String.valueOf(accumulator.getLocalValue()));
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(accumulator);
            out.flush();
            b.setJavaSerialized(ByteString.copyFrom(bytes.toByteArray()));
        } catch (IOException e) {
            LOG.warn("Accumulator {} is not serializable; only its text is reported: {}", accumulator.getClass().getName(), e.toString());
        }
        return b.build();
    }
}
