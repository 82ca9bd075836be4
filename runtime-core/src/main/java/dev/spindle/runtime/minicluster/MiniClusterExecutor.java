package dev.spindle.runtime.minicluster;

import dev.spindle.api.JobClient;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.execution.PipelineExecutor;
import dev.spindle.runtime.jobgraph.JobGraph;

/**
 * Runs a job on an in-process MiniCluster (TaskExecutors as threads, real RPC over loopback),
 * started for the job and stopped when it ends. The default executor of a program run outside any
 * cluster.
 */
public final class MiniClusterExecutor implements PipelineExecutor {

    @Override
    public JobClient execute(JobGraph jobGraph, Configuration configuration, ClassLoader userClassLoader) throws Exception {
        // Filled in by the distributed runtime (issue 3).
        throw new UnsupportedOperationException("MiniCluster is not built yet");
    }
}
