package dev.spindle.api.execution;

import dev.spindle.api.JobClient;
import dev.spindle.api.dag.Pipeline;
import dev.spindle.configuration.Configuration;

/**
 * Where {@code StreamEnvironment.execute} sends a program's pipeline: an in-process MiniCluster,
 * the dispatcher inside the ApplicationMaster, a session's REST API, or (per-job mode) a capture
 * that ships the job with its own application. Implementations live in the runtime, which
 * translates the pipeline into what runs.
 */
public interface PipelineExecutor {

    /** Submits {@code pipeline} with the job's {@code configuration}; user classes load from {@code userClassLoader}. */
    JobClient execute(Pipeline pipeline, Configuration configuration, ClassLoader userClassLoader) throws Exception;
}
