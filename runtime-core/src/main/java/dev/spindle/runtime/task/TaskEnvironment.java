package dev.spindle.runtime.task;

import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.io.InputGate;
import dev.spindle.runtime.io.ResultPartitionWriter;
import dev.spindle.api.JobID;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.metrics.TaskIOMetrics;
import java.util.List;

/** What a running subtask sees of the runtime. */
public interface TaskEnvironment {

    JobID getJobId();

    String getJobName();

    JobVertex getVertex();

    int getSubtaskIndex();

    /** Parallelism of this subtask's vertex. */
    int getParallelism();

    /** 0 for the first execution, incremented on every restart of the job. */
    int getAttemptNumber();

    ClassLoader getUserCodeClassLoader();

    /** The job's configuration (restart strategy, runtime mode, user settings). */
    Configuration getJobConfiguration();

    /** The configuration of the TaskExecutor process running this subtask. */
    Configuration getTaskExecutorConfiguration();

    /** One gate per input edge, ordered like {@code JobGraph.getInputEdges(vertex)}. */
    List<InputGate> getInputGates();

    /** One writer per output edge, ordered like {@code JobGraph.getOutputEdges(vertex)}. */
    List<ResultPartitionWriter> getOutputWriters();

    TaskIOMetrics getIOMetrics();

    AccumulatorRegistry getAccumulatorRegistry();

    /** Where to acknowledge checkpoints and what state to restore; none outside a cluster. */
    default dev.spindle.runtime.checkpoint.TaskCheckpointServices getCheckpointServices() {
        return dev.spindle.runtime.checkpoint.TaskCheckpointServices.NONE;
    }

    /** Whom a sink asks before it commits at the end of its input; none outside a cluster. */
    default FinalCommitFence getFinalCommitFence() {
        return FinalCommitFence.UNFENCED;
    }
}
