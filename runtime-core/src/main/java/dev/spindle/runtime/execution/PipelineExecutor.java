package dev.spindle.runtime.execution;

import dev.spindle.api.JobClient;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.jobgraph.JobGraph;

/**
 * Where {@code StreamEnvironment.execute} sends a job graph: an in-process MiniCluster, the
 * dispatcher inside the ApplicationMaster, a session's REST API, or (per-job mode) a capture that
 * writes the graph for the client to ship.
 */
public interface PipelineExecutor {

    JobClient execute(JobGraph jobGraph, Configuration configuration, ClassLoader userClassLoader) throws Exception;
}
