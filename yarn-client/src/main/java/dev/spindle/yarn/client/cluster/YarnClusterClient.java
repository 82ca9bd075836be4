package dev.spindle.yarn.client.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.api.records.QueueInfo;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;
import org.apache.hadoop.yarn.exceptions.YarnException;

import dev.spindle.configuration.Configuration;
import dev.spindle.api.JobID;
import dev.spindle.yarn.client.api.ApplicationStatus;
import dev.spindle.yarn.client.api.CancelResult;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.ClusterEndedException;
import dev.spindle.yarn.client.api.ClusterNotFoundException;
import dev.spindle.yarn.client.api.ClusterResources;
import dev.spindle.yarn.client.api.DeploymentResult;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.JobDetails;
import dev.spindle.yarn.client.api.JobListing;
import dev.spindle.yarn.client.api.JobNotFoundException;
import dev.spindle.yarn.client.api.JobSummary;
import dev.spindle.yarn.client.api.OperationNotSupportedException;
import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.api.SpindleClientException;
import dev.spindle.yarn.client.api.StagingCleanup;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;
import dev.spindle.yarn.client.logs.ApplicationLogs;
import dev.spindle.yarn.client.rest.RestClusterClient;

/**
 * What every YARN target does alike: find the named cluster and ask it (over REST while its AM
 * runs, from YARN's final report once it ended) for jobs, details, cancellation and shutdown; logs,
 * staging clean-up and the cluster's resources. The targets add how they run programs.
 */
public abstract class YarnClusterClient implements ClusterClient {

    private static final Duration CANCEL_WAIT = Duration.ofSeconds(60);
    private static final Duration LOGS_AGGREGATION_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);

    private final DeploymentTarget target;
    protected final Configuration configuration;
    protected final ProgressListener listener;
    protected final YarnConnection yarn;
    protected final ClusterFinder finder;

    /** @param configuration copied: the client adjusts its own copy */
    protected YarnClusterClient(DeploymentTarget target, HadoopConfLocator locator, Configuration configuration,
            ProgressListener listener) {
        this.target = target;
        this.configuration = new Configuration(configuration);
        target.applyTo(this.configuration);
        this.listener = listener;
        this.yarn = new YarnConnection(locator, this.configuration, listener);
        // Only a session is recorded in the properties file; the others are named by their id.
        this.finder = new ClusterFinder(this.configuration, target == DeploymentTarget.YARN_SESSION
                ? ClusterFinder.Naming.BY_ID_OR_PROPERTIES_FILE : ClusterFinder.Naming.BY_ID);
    }

    @Override
    public final DeploymentTarget target() {
        return target;
    }

    /** Whether the cluster ends with its job (per-job, application): cancel then awaits its end. */
    private boolean endsWithItsJob() {
        return target != DeploymentTarget.YARN_SESSION; // a session outlives its jobs
    }

    @Override
    public DeploymentResult deployCluster() throws SpindleClientException {
        throw new OperationNotSupportedException("-t " + target() + " starts its cluster with the program it runs;"
                + " only sessions (yarn-session.sh) start without one.");
    }

    /** {@code run -s}: checks the savepoint and qualifies its path against the cluster's file system before any deployment. */
    protected void resolveSavepointPath() throws SpindleClientException {
        SavepointRestorePath.resolveInto(configuration, yarn.yarnConfiguration());
    }

    /** Finds the cluster the configuration names. */
    protected FoundCluster find() throws SpindleClientException {
        return finder.find(yarn.descriptor());
    }

    @Override
    public ApplicationStatus status() throws SpindleClientException {
        return find().status();
    }

    @Override
    public JobListing listJobs() throws SpindleClientException {
        FoundCluster cluster = find();
        if (cluster.ended()) {
            return new JobListing(cluster.status(), List.of());
        }
        try {
            List<JobSummary> jobs = new ArrayList<>();
            for (RestClusterClient.JobSummary j : cluster.rest().listJobs()) {
                jobs.add(JobViews.summary(j));
            }
            return new JobListing(cluster.status(), jobs);
        } catch (IOException e) {
            return new JobListing(endedAfter(cluster, e).status(), List.of());
        }
    }

    @Override
    public JobDetails jobDetails(JobID jobId) throws SpindleClientException {
        FoundCluster cluster = find();
        try {
            if (!cluster.ended()) {
                return JobViews.details(cluster.rest().job(jobId.toHexString()), cluster.applicationId().toString());
            }
        } catch (IOException e) {
            cluster = endedAfter(cluster, e);
        }
        // Its REST API is gone with it; YARN's final report still tells how its jobs ended.
        ApplicationStatus end = cluster.status();
        if (!end.diagnostics().contains(jobId.toHexString())) {
            throw new JobNotFoundException("Application " + end.applicationId() + " has ended (" + end.state()
                    + ", final status " + end.finalStatus() + "); its final report does not mention job " + jobId + ".");
        }
        return new JobDetails(null, end.applicationId(), List.of());
    }

    @Override
    public CancelResult cancel(JobID jobId) throws SpindleClientException {
        FoundCluster cluster = find();
        try {
            if (!cluster.ended() && !cluster.reachable() && endsWithItsJob()) {
                // No AM to ask yet (the app waits for its container): ending the application ends the job.
                yarn.descriptor().kill(cluster.applicationId());
                return new CancelResult(CancelResult.Outcome.APPLICATION_KILLED, jobId, null, null, null);
            }
            if (!cluster.ended()) {
                RestClusterClient rest = cluster.rest();
                JobSummary before = JobViews.summary(rest.job(jobId.toHexString()));
                if (before.ended()) {
                    return new CancelResult(CancelResult.Outcome.ALREADY_ENDED, jobId, before, null, null);
                }
                String retained = rest.cancel(jobId.toHexString());
                ApplicationStatus end = endsWithItsJob() ? awaitEnd(cluster.applicationId()) : null;
                return new CancelResult(CancelResult.Outcome.REQUESTED, jobId, before, end, retained);
            }
        } catch (IOException e) {
            cluster = endedAfter(cluster, e);
        } catch (YarnException e) {
            throw new SpindleClientException("Cannot kill application " + cluster.applicationId() + ": "
                    + RootCause.message(e), e);
        }
        throw new ClusterEndedException("Nothing to cancel: application " + cluster.applicationId() + " already ended.",
                cluster.status());
    }

    @Override
    public dev.spindle.yarn.client.api.CheckpointStats checkpointStats(JobID jobId) throws SpindleClientException {
        FoundCluster cluster = find();
        if (cluster.ended()) {
            return null;
        }
        try {
            return CheckpointFigures.parse(cluster.rest().checkpoints(jobId.toHexString()));
        } catch (RestClusterClient.RestException e) {
            if (e.status() == 404) {
                return null; // an ended job: its figures went with its job master
            }
            throw new SpindleClientException(e.getMessage(), e);
        } catch (IOException e) {
            endedAfter(cluster, e);
            return null;
        }
    }

    @Override
    public String triggerSavepoint(JobID jobId, String targetDirectory) throws SpindleClientException {
        FoundCluster cluster = runningCluster(jobId, "take a savepoint of");
        try {
            return cluster.rest().triggerSavepoint(jobId.toHexString(), targetDirectory);
        } catch (IOException e) {
            throw endedDuring(cluster, e, "take a savepoint of");
        }
    }

    @Override
    public String stopWithSavepoint(JobID jobId, String savepointPath, boolean drain) throws SpindleClientException {
        if (drain) {
            // refused rather than ignored: the AM takes the savepoint and cancels, it does not drain sources
            throw new OperationNotSupportedException("stop --drain is not supported: 'spindle stop' takes a final savepoint and"
                    + " then cancels the job (sources are not drained); run it without -d.");
        }
        FoundCluster cluster = runningCluster(jobId, "stop");
        try {
            String path = cluster.rest().stop(jobId.toHexString(), savepointPath).path("path").asText();
            if (endsWithItsJob()) {
                awaitEnd(cluster.applicationId());
            }
            return path;
        } catch (IOException e) {
            throw endedDuring(cluster, e, "stop");
        }
    }

    /** The cluster of a job that should still run; an ended one cannot take savepoints. */
    private FoundCluster runningCluster(JobID jobId, String action) throws SpindleClientException {
        FoundCluster cluster = find();
        if (cluster.ended()) {
            throw new ClusterEndedException("Cannot " + action + " job " + jobId + ": application " + cluster.applicationId()
                    + " already ended.", cluster.status());
        }
        return cluster;
    }

    private SpindleClientException endedDuring(FoundCluster cluster, IOException e, String action) throws SpindleClientException {
        FoundCluster again = endedAfter(cluster, e);
        return new ClusterEndedException("Cannot " + action + " the job: application " + again.applicationId() + " ended.",
                again.status());
    }

    @Override
    public ApplicationStatus shutDownCluster() throws SpindleClientException {
        FoundCluster cluster = find();
        if (cluster.ended()) {
            return cluster.status();
        }
        listener.progress("Stopping " + describeCluster() + " " + cluster.applicationId() + " ...");
        try {
            cluster.rest().shutDownCluster();
        } catch (IOException e) {
            // The AM may close its REST endpoint before the answer arrived; YARN's report tells.
            listener.notice("Shutdown request to " + cluster.applicationId() + " ended with " + e);
        }
        try {
            return ApplicationReports.status(yarn.descriptor().waitForEnd(cluster.applicationId(), null));
        } catch (SpindleClientException e) {
            throw e;
        } catch (Exception e) {
            throw new SpindleClientException("Lost track of " + cluster.applicationId() + ": " + RootCause.message(e), e);
        }
    }

    /** How progress lines name this target's cluster ("session", "application"). */
    protected String describeCluster() {
        return "application";
    }

    @Override
    public void printLogs(String applicationId, String containerId, boolean follow, PrintStream sink)
            throws SpindleClientException, InterruptedException {
        ApplicationId appId;
        try {
            appId = ApplicationId.fromString(applicationId);
        } catch (IllegalArgumentException e) {
            throw new ClusterNotFoundException("'" + applicationId + "' is not an application id (application_<timestamp>_<n>).");
        }
        YarnClusterDescriptor descriptor = yarn.descriptor();
        try {
            new ApplicationLogs(descriptor.yarnClient(), yarn.yarnConfiguration(), sink, LOGS_AGGREGATION_WAIT)
                    .print(appId, containerId, follow);
        } catch (ApplicationNotFoundException e) {
            throw new ClusterNotFoundException("the ResourceManager does not know application " + appId + ".");
        } catch (ApplicationLogs.LogsUnavailableException e) {
            throw new SpindleClientException(e.getMessage(), e);
        } catch (IOException | YarnException e) {
            throw new SpindleClientException("Cannot read the logs of " + appId + ": " + RootCause.message(e), e);
        }
    }

    @Override
    public StagingCleanup removeEndedStagingDirs() throws SpindleClientException {
        YarnClusterDescriptor descriptor = yarn.descriptor();
        try {
            List<String> removed = descriptor.sweepStagingDirs().stream().map(Path::toString).toList();
            return new StagingCleanup(descriptor.stagingRoot().toString(), removed);
        } catch (IOException e) {
            throw new SpindleClientException("clean failed: " + e.getMessage(), e);
        }
    }

    @Override
    public ClusterResources clusterResources() throws SpindleClientException {
        YarnClusterDescriptor descriptor = yarn.descriptor();
        try {
            List<ClusterResources.Node> nodes = new ArrayList<>();
            for (NodeReport n : descriptor.yarnClient().getNodeReports(NodeState.RUNNING)) {
                nodes.add(new ClusterResources.Node(n.getNodeId().toString(), n.getCapability().getMemorySize(),
                        n.getUsed() == null ? 0 : n.getUsed().getMemorySize(), n.getCapability().getVirtualCores(),
                        n.getNodeLabels() == null ? java.util.Set.of() : n.getNodeLabels()));
            }
            List<ClusterResources.Queue> queues = new ArrayList<>();
            for (QueueInfo q : descriptor.yarnClient().getAllQueues()) {
                queues.add(new ClusterResources.Queue(q.getQueueName(), String.valueOf(q.getQueueState()), q.getCapacity(),
                        q.getMaximumCapacity(), q.getCurrentCapacity()));
            }
            return new ClusterResources(nodes, queues);
        } catch (IOException | YarnException e) {
            throw new SpindleClientException("Cannot ask YARN for its nodes and queues: " + RootCause.message(e), e);
        }
    }

    @Override
    public void close() {
        yarn.close();
    }

    /**
     * A REST call failed. An HTTP error answer is the cluster's word and is passed on; a lost
     * connection may mean the AM went away between the report and the call, so YARN is asked again.
     */
    private FoundCluster endedAfter(FoundCluster cluster, IOException e) throws SpindleClientException {
        if (e instanceof RestClusterClient.RestException rest && !isConnectionLoss(e)) {
            if (rest.status() == 404) {
                throw new JobNotFoundException(e.getMessage());
            }
            throw new SpindleClientException(e.getMessage(), e);
        }
        try {
            FoundCluster again = cluster.withReport(yarn.descriptor().report(cluster.applicationId()));
            if (again.ended()) {
                return again;
            }
        } catch (IOException | YarnException ignored) {
            // reported below with the original failure
        }
        throw new SpindleClientException("The ApplicationMaster of " + cluster.applicationId() + " did not answer: "
                + RootCause.message(e), e);
    }

    private static boolean isConnectionLoss(IOException e) {
        return e instanceof ConnectException || e.getCause() instanceof ConnectException
                || (e instanceof java.net.SocketTimeoutException && "connect timed out".equals(e.getMessage()));
    }

    /** Waits a bounded time for the application's end; null when it still runs then. */
    private ApplicationStatus awaitEnd(ApplicationId appId) throws SpindleClientException {
        long deadline = System.nanoTime() + CANCEL_WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                ApplicationReport r = yarn.descriptor().report(appId);
                if (ApplicationReports.ended(r)) {
                    return ApplicationReports.status(r);
                }
                Thread.sleep(POLL.toMillis()); // YARN reports have no change notification
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | YarnException e) {
            throw new SpindleClientException("Lost track of " + appId + ": " + RootCause.message(e), e);
        }
        return null;
    }
}
