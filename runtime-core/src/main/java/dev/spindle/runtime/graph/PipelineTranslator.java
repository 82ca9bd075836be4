package dev.spindle.runtime.graph;

import dev.spindle.api.JobID;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.dag.Pipeline;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.CoreOptions;
import dev.spindle.configuration.ExecutionOptions;
import dev.spindle.configuration.PipelineOptions;
import dev.spindle.runtime.jobgraph.JobGraph;
import java.net.URI;

/**
 * Turns the API's description of a job ({@link Pipeline}) into what the runtime runs: first the
 * {@link StreamGraph} (runtime operators and partitioners chosen, parallelism and runtime mode
 * resolved), then the chained {@link JobGraph} carrying the job's configuration and user jars.
 */
public final class PipelineTranslator {

    private PipelineTranslator() {
    }

    /** The job graph of {@code pipeline} under the job's {@code configuration}. */
    public static JobGraph translate(Pipeline pipeline, Configuration configuration) {
        return translate(pipeline, configuration, new JobID());
    }

    /** Like {@link #translate(Pipeline, Configuration)}, under a given job id. */
    public static JobGraph translate(Pipeline pipeline, Configuration configuration, JobID jobId) {
        JobGraph jobGraph = JobGraphGenerator.generate(streamGraph(pipeline, configuration), jobId, pipeline.getJobName(), configuration);
        // TaskExecutors load the user code from these jars (the CLI names the program jar here).
        configuration.getOptional(PipelineOptions.JARS)
                .ifPresent(jars -> jars.forEach(jar -> jobGraph.addUserJar(URI.create(jar))));
        return jobGraph;
    }

    /** The job graph that {@code environment.execute(jobName)} would submit, without running it. */
    public static JobGraph translate(StreamEnvironment environment, String jobName) {
        return translate(environment.getPipeline(jobName), environment.getConfig());
    }

    /** The operators of {@code pipeline} before chaining. */
    public static StreamGraph streamGraph(Pipeline pipeline, Configuration configuration) {
        return new StreamGraphGenerator(configuration.get(CoreOptions.DEFAULT_PARALLELISM), configuration.get(ExecutionOptions.RUNTIME_MODE))
                .generate(pipeline.getTransformations());
    }
}
