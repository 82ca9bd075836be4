package dev.spindle.yarn.am.executor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.spindle.api.JobClient;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.dispatcher.DispatcherGateway;
import dev.spindle.runtime.execution.PipelineExecutor;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@code execute()} of a program running inside the ApplicationMaster sends its jobs: the
 * dispatcher of the same process. Remembers the jobs so the entrypoint can wait for all of them.
 */
public final class DispatcherPipelineExecutor implements PipelineExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(DispatcherPipelineExecutor.class);

    private final DispatcherGateway dispatcher;
    private final List<JobID> submitted = new CopyOnWriteArrayList<>();

    public DispatcherPipelineExecutor(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public JobClient execute(JobGraph jobGraph, Configuration configuration, ClassLoader userClassLoader) throws Exception {
        JobID jobId = dispatcher.submitJob(jobGraph).get();
        submitted.add(jobId);
        LOG.info("Job {} submitted to the dispatcher", jobId);
        return new DispatcherJobClient(dispatcher, jobId);
    }

    /** Jobs submitted so far, in submission order. */
    public List<JobID> submittedJobs() {
        return List.copyOf(submitted);
    }
}
