package dev.spindle.yarn.client.local;

import java.io.PrintStream;
import java.util.List;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.PipelineOptions;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.api.JobID;
import dev.spindle.runtime.minicluster.MiniClusterExecutor;
import dev.spindle.runtime.program.PackagedProgram;
import dev.spindle.runtime.program.ProgramInvocationException;
import dev.spindle.yarn.client.cluster.SavepointRestorePath;
import dev.spindle.yarn.client.api.ApplicationStatus;
import dev.spindle.yarn.client.api.CancelResult;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.ClusterResources;
import dev.spindle.yarn.client.api.DeploymentResult;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.JobDetails;
import dev.spindle.yarn.client.api.JobListing;
import dev.spindle.yarn.client.api.OperationNotSupportedException;
import dev.spindle.yarn.client.api.Program;
import dev.spindle.yarn.client.api.ProgramFailedException;
import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.api.SpindleClientException;
import dev.spindle.yarn.client.api.StagingCleanup;

/**
 * {@code -t local}: runs the program's main() here, its jobs on an in-process MiniCluster. There
 * is no cluster that outlives the run, so the cluster operations are not supported.
 */
public final class LocalClusterClient implements ClusterClient {

    private final Configuration configuration;
    private final ProgressListener listener;

    public LocalClusterClient(Configuration configuration, ProgressListener listener) {
        this.configuration = new Configuration(configuration);
        DeploymentTarget.LOCAL.applyTo(this.configuration);
        this.listener = listener;
    }

    @Override
    public DeploymentTarget target() {
        return DeploymentTarget.LOCAL;
    }

    @Override
    public DeploymentResult run(Program program) throws SpindleClientException {
        if (program.jar().isRemote()) {
            throw new SpindleClientException("-t local needs a local program jar, not " + program.jar().given()
                    + "; copy it here first (e.g. hdfs dfs -get).");
        }
        // -s: checked before the program runs; a path without scheme is this machine's default file system
        SavepointRestorePath.resolveInto(configuration, new org.apache.hadoop.conf.Configuration());
        if (!configuration.get(DeploymentOptions.ATTACHED)) {
            listener.notice("Note: -d/--detached has no effect with -t local; the program runs to its end here.");
        }
        try (PackagedProgram packaged = PackagedProgram.create(program.jar().localFile(), program.entryClass(),
                program.arguments().toArray(new String[0]), List.of(), configuration)) {
            // TaskExecutors load user code from the jars the job graph names, not from this classloader.
            Configuration withJars = new Configuration(configuration);
            withJars.set(PipelineOptions.JARS, List.of(program.jar().uri().toString()));
            ExecutionContext.install(new ExecutionContext(new MiniClusterExecutor(), withJars,
                    packaged.getUserCodeClassLoader()));
            try {
                packaged.invokeMain();
            } finally {
                ExecutionContext.uninstall();
            }
        } catch (ProgramInvocationException e) {
            throw new ProgramFailedException(e.getMessage(), e.getCause());
        }
        return new DeploymentResult(target(), null, null, false, List.of(), List.of(), null);
    }

    private static OperationNotSupportedException noCluster() {
        return new OperationNotSupportedException("-t local runs each program on its own in-process cluster, which"
                + " ends with it; there is no cluster to ask. Name a YARN cluster with -t and -id.");
    }

    @Override
    public DeploymentResult deployCluster() throws SpindleClientException {
        throw noCluster();
    }

    @Override
    public ApplicationStatus status() throws SpindleClientException {
        throw noCluster();
    }

    @Override
    public JobListing listJobs() throws SpindleClientException {
        throw noCluster();
    }

    @Override
    public JobDetails jobDetails(JobID jobId) throws SpindleClientException {
        throw noCluster();
    }

    @Override
    public CancelResult cancel(JobID jobId) throws SpindleClientException {
        throw noCluster();
    }

    @Override
    public String triggerSavepoint(JobID jobId, String targetDirectory) throws SpindleClientException {
        throw noCluster();
    }

    @Override
    public String stopWithSavepoint(JobID jobId, String savepointPath, boolean drain) throws SpindleClientException {
        throw noCluster();
    }

    @Override
    public dev.spindle.yarn.client.api.CheckpointStats checkpointStats(JobID jobId) throws SpindleClientException {
        throw noCluster();
    }

    @Override
    public ApplicationStatus shutDownCluster() throws SpindleClientException {
        throw noCluster();
    }

    @Override
    public void printLogs(String applicationId, String containerId, boolean follow, PrintStream sink)
            throws SpindleClientException {
        throw noCluster();
    }

    @Override
    public StagingCleanup removeEndedStagingDirs() throws SpindleClientException {
        throw noCluster();
    }

    @Override
    public ClusterResources clusterResources() throws SpindleClientException {
        throw noCluster();
    }

    @Override
    public void close() {
        // holds nothing between calls
    }
}
