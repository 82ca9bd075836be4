package dev.spindle.runtime.execution;

import dev.spindle.api.JobClient;
import dev.spindle.api.JobID;
import dev.spindle.api.dag.Pipeline;
import dev.spindle.api.execution.PipelineExecutor;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.graph.PipelineTranslator;
import dev.spindle.runtime.jobgraph.JobGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's side of {@link PipelineExecutor}: translates the program's pipeline into a job graph,
 * checks the job's file outputs before anything runs, then hands the job graph to {@link #submit}.
 * Every executor of the runtime and the clients extends it, so all of them prepare a job the same way.
 */
public abstract class TranslatingPipelineExecutor implements PipelineExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(TranslatingPipelineExecutor.class);

    @Override
    public final JobClient execute(Pipeline pipeline, Configuration configuration, ClassLoader userClassLoader) throws Exception {
        // Translated first, so a malformed program fails before any output is touched.
        JobGraph jobGraph = PipelineTranslator.translate(pipeline, configuration, nextJobId());
        if (isResumed(jobGraph.getJobId())) {
            // its output holds what the earlier attempt committed: preparing it again would refuse or delete that
            LOG.info("Job '{}' ({}) resumes where an earlier attempt left it; its outputs are kept as they are",
                    jobGraph.getName(), jobGraph.getJobId());
        } else {
            OutputPreparation.prepare(pipeline);
        }
        LOG.info("Submitting job '{}' ({}) with {} vertices: {}", jobGraph.getName(), jobGraph.getJobId(),
                jobGraph.getVertices().size(), jobGraph.getVertices());
        return submit(jobGraph, configuration, userClassLoader);
    }

    /** The id of the next job this executor translates: random, unless the executor must be able to name it again. */
    protected JobID nextJobId() {
        return new JobID();
    }

    /** Whether the job already runs (or ran) under this id, taken over from an earlier attempt of the cluster. */
    protected boolean isResumed(JobID jobId) {
        return false;
    }

    /** Runs or ships an already translated job graph. */
    public abstract JobClient submit(JobGraph jobGraph, Configuration configuration, ClassLoader userClassLoader) throws Exception;
}
