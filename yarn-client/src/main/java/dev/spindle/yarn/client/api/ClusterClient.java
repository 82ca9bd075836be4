package dev.spindle.yarn.client.api;

import java.io.PrintStream;

import dev.spindle.api.JobID;

/**
 * A Spindle deployment target driven from Java: run programs on it, start and stop its cluster,
 * ask it for its jobs. One implementation per {@link DeploymentTarget}; get one from a
 * {@link ClusterClientFactory}. The cluster a call talks to is the one the client's configuration
 * names ({@code yarn.application.id}, or for sessions the {@code .yarn-properties-<user>} file).
 * Progress goes to the {@link ProgressListener} the client was made with; results are returned.
 */
public interface ClusterClient extends AutoCloseable {

    /** The target this client deploys to. */
    DeploymentTarget target();

    /** Runs the program on the target; attached (the default), returns once it ended. */
    DeploymentResult run(Program program) throws SpindleClientException;

    /** Starts a cluster without a program and returns once it is RUNNING (sessions only). */
    DeploymentResult deployCluster() throws SpindleClientException;

    /** The named cluster's application status, from YARN. */
    ApplicationStatus status() throws SpindleClientException;

    /** The jobs of the named cluster; an ended one is answered from YARN's final report, with no jobs. */
    JobListing listJobs() throws SpindleClientException;

    /** One job with its vertices and subtasks. */
    JobDetails jobDetails(JobID jobId) throws SpindleClientException;

    /**
     * The running job's checkpoint figures; null when the job no longer runs (the AM keeps them while it runs).
     * A target without a cluster to ask (local) throws {@link OperationNotSupportedException}.
     */
    default CheckpointStats checkpointStats(JobID jobId) throws SpindleClientException {
        throw new OperationNotSupportedException(OperationNotSupportedException.NOT_YET);
    }

    /** Cancels the job; a per-job or application cluster is awaited (bounded) since it ends with its job. */
    CancelResult cancel(JobID jobId) throws SpindleClientException;

    /**
     * Triggers a savepoint into {@code targetDirectory} (null: the cluster's state.savepoints.dir); returns its path.
     * The YARN targets ask the AM; a target without a cluster to ask (local) throws {@link OperationNotSupportedException}.
     */
    default String triggerSavepoint(JobID jobId, String targetDirectory) throws SpindleClientException {
        throw new OperationNotSupportedException(OperationNotSupportedException.NOT_YET);
    }

    /**
     * Stops the job with a final savepoint, then cancels it (sources are not drained: {@code drain} is refused); returns
     * the savepoint's path. A target without a cluster to ask (local) throws {@link OperationNotSupportedException}.
     */
    default String stopWithSavepoint(JobID jobId, String savepointPath, boolean drain) throws SpindleClientException {
        throw new OperationNotSupportedException(OperationNotSupportedException.NOT_YET);
    }

    /** Shuts the named cluster down (its jobs are cancelled) and waits for YARN to report it ended. */
    ApplicationStatus shutDownCluster() throws SpindleClientException;

    /** Prints the AM and TaskExecutor logs of an application to {@code sink}; with follow, until it ends. */
    void printLogs(String applicationId, String containerId, boolean follow, PrintStream sink)
            throws SpindleClientException, InterruptedException;

    /** Removes the staging dirs of applications YARN reports as ended; returns what was removed. */
    StagingCleanup removeEndedStagingDirs() throws SpindleClientException;

    /** The YARN cluster's NodeManagers and queues. */
    ClusterResources clusterResources() throws SpindleClientException;

    /** Releases the client's connections to YARN and HDFS. */
    @Override
    void close();
}
