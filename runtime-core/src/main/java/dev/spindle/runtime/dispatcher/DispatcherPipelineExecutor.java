package dev.spindle.runtime.dispatcher;

import dev.spindle.api.JobClient;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.execution.PipelineExecutor;
import dev.spindle.runtime.jobgraph.JobGraph;

/**
 * Submits a program's jobs to a dispatcher in this process, as the application-mode entrypoint
 * does with the dispatcher it hosts.
 */
public final class DispatcherPipelineExecutor implements PipelineExecutor {

    private final DispatcherGateway dispatcher;

    public DispatcherPipelineExecutor(DispatcherGateway dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public JobClient execute(JobGraph jobGraph, Configuration configuration, ClassLoader userClassLoader) throws Exception {
        try {
            dispatcher.submitJob(jobGraph).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        return new DispatcherJobClient(dispatcher, jobGraph.getJobId());
    }
}
