package dev.spindle.yarn.client.perjob;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.api.JobClient;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.runtime.execution.TranslatingPipelineExecutor;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobGraphFile;
import dev.spindle.yarn.client.deployment.DeployedApplication;
import dev.spindle.yarn.client.deployment.DeploymentRequest;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;

/**
 * {@code execute()} of a program whose main() runs on a per-job client: nothing runs here. The
 * first job graph is shipped as {@code job.graph} with its own ApplicationMaster; a second one is
 * refused, since a per-job application runs exactly one job.
 *
 * <p>Attached, the returned client follows the application, so {@code execute()} returns when the
 * job ended, with its result. Detached ({@code -d}), the deployment returns once YARN accepted the
 * application and {@code execute()} returns {@link dev.spindle.api.JobExecutionResult#detached}
 * at once: main() goes on and finishes while the job runs on the cluster.
 */
public final class PerJobPipelineExecutor extends TranslatingPipelineExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(PerJobPipelineExecutor.class);

    private final YarnClusterDescriptor descriptor;
    private final URI userJar;
    private final String mainClass;
    private final List<String> programArgs;
    private final Path localWorkDir;
    private final PrintStream out;
    private DeployedApplication deployed;
    private JobGraph graph;
    private JobClient client;

    public PerJobPipelineExecutor(YarnClusterDescriptor descriptor, URI userJar, String mainClass, List<String> programArgs,
            Path localWorkDir, PrintStream out) {
        this.descriptor = descriptor;
        this.userJar = userJar;
        this.mainClass = mainClass;
        this.programArgs = programArgs;
        this.localWorkDir = localWorkDir;
        this.out = out;
    }

    @Override
    public synchronized JobClient submit(JobGraph jobGraph, Configuration configuration, ClassLoader userClassLoader)
            throws Exception {
        if (graph != null) {
            throw new IllegalStateException("The program submitted a second job ('" + jobGraph.getName() + "') after job "
                    + graph.getJobId() + " ('" + graph.getName() + "'), but per-job mode (-t yarn-per-job) runs exactly one job"
                    + " per YARN application. Run programs that build several jobs in application mode:"
                    + " spindle run-application -t yarn-application ...");
        }
        graph = jobGraph;
        byte[] file = JobGraphFile.write(jobGraph);
        boolean attached = configuration.get(DeploymentOptions.ATTACHED);
        out.println("Job " + jobGraph.getJobId() + " (" + jobGraph.getName() + ") built on the client: "
                + jobGraph.getVertices().size() + " vertices, " + file.length + " bytes shipped as " + JobGraphFile.FILE_NAME);
        deployed = descriptor.deploy(new DeploymentRequest(configuration, DeploymentRequest.PER_JOB_MODE_ENTRYPOINT,
                "Spindle per-job: " + jobGraph.getName(), userJar, mainClass, programArgs, Map.of(),
                Map.of(JobGraphFile.FILE_NAME, file)), localWorkDir, !attached);
        LOG.info("Job {} deployed as per-job application {}", jobGraph.getJobId(), deployed.applicationId());
        client = attached ? new AttachedPerJobClient(descriptor, deployed, jobGraph, out)
                : new DetachedPerJobClient(jobGraph.getJobId());
        return client;
    }

    /** The application deployed for the program's job; null while main() has not called execute(). */
    public synchronized DeployedApplication deployedApplication() {
        return deployed;
    }

    /** The job that was shipped; null while main() has not called execute(). */
    public synchronized JobGraph jobGraph() {
        return graph;
    }

    /** The handle execute() returned; null while main() has not called execute(). */
    public synchronized JobClient jobClient() {
        return client;
    }
}
