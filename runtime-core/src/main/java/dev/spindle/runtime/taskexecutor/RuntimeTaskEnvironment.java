package dev.spindle.runtime.taskexecutor;

import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.io.InputGate;
import dev.spindle.runtime.io.ResultPartitionWriter;
import dev.spindle.api.JobID;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.metrics.TaskIOMetrics;
import dev.spindle.runtime.task.AccumulatorRegistry;
import dev.spindle.runtime.task.FinalCommitFence;
import dev.spindle.runtime.task.TaskEnvironment;
import java.util.List;

/** The {@link TaskEnvironment} of a deployed subtask. */
record RuntimeTaskEnvironment(TaskDeployment deployment, ClassLoader userCodeClassLoader, Configuration taskExecutorConfiguration,
        List<InputGate> inputGates, List<ResultPartitionWriter> outputWriters, TaskIOMetrics ioMetrics,
        AccumulatorRegistry accumulatorRegistry, dev.spindle.runtime.checkpoint.TaskCheckpointServices checkpointServices,
        FinalCommitFence finalCommitFence) implements TaskEnvironment {

    @Override
    public FinalCommitFence getFinalCommitFence() {
        return finalCommitFence;
    }

    @Override
    public dev.spindle.runtime.checkpoint.TaskCheckpointServices getCheckpointServices() {
        return checkpointServices;
    }

    @Override
    public JobID getJobId() {
        return deployment.jobGraph().getJobId();
    }

    @Override
    public String getJobName() {
        return deployment.jobGraph().getName();
    }

    @Override
    public JobVertex getVertex() {
        return deployment.vertex();
    }

    @Override
    public int getSubtaskIndex() {
        return deployment.subtask();
    }

    @Override
    public int getParallelism() {
        return deployment.vertex().getParallelism();
    }

    @Override
    public int getAttemptNumber() {
        return deployment.attempt();
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    @Override
    public Configuration getJobConfiguration() {
        return deployment.jobGraph().getJobConfiguration();
    }

    @Override
    public Configuration getTaskExecutorConfiguration() {
        return taskExecutorConfiguration;
    }

    @Override
    public List<InputGate> getInputGates() {
        return inputGates;
    }

    @Override
    public List<ResultPartitionWriter> getOutputWriters() {
        return outputWriters;
    }

    @Override
    public TaskIOMetrics getIOMetrics() {
        return ioMetrics;
    }

    @Override
    public AccumulatorRegistry getAccumulatorRegistry() {
        return accumulatorRegistry;
    }
}
