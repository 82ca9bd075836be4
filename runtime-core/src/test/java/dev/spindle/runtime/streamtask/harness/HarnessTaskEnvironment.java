package dev.spindle.runtime.streamtask.harness;

import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.io.InputGate;
import dev.spindle.runtime.io.ResultPartitionWriter;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.metrics.TaskIOMetrics;
import dev.spindle.runtime.task.AccumulatorRegistry;
import dev.spindle.runtime.task.TaskEnvironment;
import java.util.ArrayList;
import java.util.List;

/** The environment of one subtask run by the {@link LocalJobRunner}. */
public final class HarnessTaskEnvironment implements TaskEnvironment {

    private final JobGraph jobGraph;
    private final JobVertex vertex;
    private final int subtask;
    private final int attempt;
    private final ClassLoader classLoader;
    final List<InputGate> gates = new ArrayList<>();
    final List<ResultPartitionWriter> writers = new ArrayList<>();
    private final TaskIOMetrics metrics = new TaskIOMetrics();
    private final AccumulatorRegistry accumulators = new AccumulatorRegistry();

    HarnessTaskEnvironment(JobGraph jobGraph, JobVertex vertex, int subtask, int attempt, ClassLoader classLoader) {
        this.jobGraph = jobGraph;
        this.vertex = vertex;
        this.subtask = subtask;
        this.attempt = attempt;
        this.classLoader = classLoader;
    }

    @Override
    public JobID getJobId() {
        return jobGraph.getJobId();
    }

    @Override
    public String getJobName() {
        return jobGraph.getName();
    }

    @Override
    public JobVertex getVertex() {
        return vertex;
    }

    @Override
    public int getSubtaskIndex() {
        return subtask;
    }

    @Override
    public int getParallelism() {
        return vertex.getParallelism();
    }

    @Override
    public int getAttemptNumber() {
        return attempt;
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return classLoader;
    }

    @Override
    public Configuration getJobConfiguration() {
        return jobGraph.getJobConfiguration();
    }

    @Override
    public Configuration getTaskExecutorConfiguration() {
        return new Configuration();
    }

    @Override
    public List<InputGate> getInputGates() {
        return gates;
    }

    @Override
    public List<ResultPartitionWriter> getOutputWriters() {
        return writers;
    }

    @Override
    public TaskIOMetrics getIOMetrics() {
        return metrics;
    }

    @Override
    public AccumulatorRegistry getAccumulatorRegistry() {
        return accumulators;
    }
}
