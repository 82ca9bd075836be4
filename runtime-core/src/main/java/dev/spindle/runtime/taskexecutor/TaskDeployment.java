package dev.spindle.runtime.taskexecutor;

import dev.spindle.runtime.io.network.ProducerLocation;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobVertex;
import java.util.List;

/** What a TaskExecutor needs to run one subtask; {@code slotLocations.get(i)} hosts subtask i of every vertex. */
record TaskDeployment(JobGraph jobGraph, JobVertex vertex, int subtask, int attempt, String allocationId,
        List<ProducerLocation> slotLocations, dev.spindle.runtime.checkpoint.TaskRestore restore) {

    String describe() {
        return vertex.getName() + " (" + (subtask + 1) + "/" + vertex.getParallelism() + ") attempt " + attempt
                + " of job " + jobGraph.getJobId();
    }
}
