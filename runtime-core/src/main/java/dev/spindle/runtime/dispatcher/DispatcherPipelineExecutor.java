package dev.spindle.runtime.dispatcher;

import dev.spindle.api.JobClient;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.execution.TranslatingPipelineExecutor;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits a program's jobs to a dispatcher in this process, as the application-mode entrypoint
 * does with the dispatcher it hosts. Remembers the jobs so the entrypoint can wait for all of them.
 */
public final class DispatcherPipelineExecutor extends TranslatingPipelineExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(DispatcherPipelineExecutor.class);

    private final DispatcherGateway dispatcher;
    private final List<JobID> submitted = new CopyOnWriteArrayList<>();
    private final IntFunction<JobID> jobIds;
    private final AtomicInteger translated = new AtomicInteger();

    public DispatcherPipelineExecutor(DispatcherGateway dispatcher) {
        this(dispatcher, n -> new JobID());
    }

    /**
     * @param jobIds the id of the n-th job (from 0) the program submits; application mode derives it
     *     from the application id, so that main() running again on a later attempt names the same jobs
     */
    public DispatcherPipelineExecutor(DispatcherGateway dispatcher, IntFunction<JobID> jobIds) {
        this.dispatcher = dispatcher;
        this.jobIds = jobIds;
    }

    @Override
    protected JobID nextJobId() {
        return jobIds.apply(translated.getAndIncrement());
    }

    @Override
    protected boolean isResumed(JobID jobId) {
        return dispatcher.tookOver(jobId);
    }

    @Override
    public JobClient submit(JobGraph jobGraph, Configuration configuration, ClassLoader userClassLoader) throws Exception {
        try {
            dispatcher.submitJob(jobGraph).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        submitted.add(jobGraph.getJobId());
        LOG.info("Job {} ({}) submitted to the dispatcher", jobGraph.getJobId(), jobGraph.getName());
        return new DispatcherJobClient(dispatcher, jobGraph.getJobId());
    }

    /** Jobs submitted so far, in submission order. */
    public List<JobID> submittedJobs() {
        return List.copyOf(submitted);
    }
}
