package dev.spindle.yarn.client.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import dev.spindle.configuration.Configuration;
import dev.spindle.api.JobID;
import dev.spindle.yarn.client.api.ApplicationStatus;
import dev.spindle.yarn.client.api.CancelResult;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.ClusterClientFactory;
import dev.spindle.yarn.client.api.ClusterResources;
import dev.spindle.yarn.client.api.DeploymentResult;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.JobDetails;
import dev.spindle.yarn.client.api.JobListing;
import dev.spindle.yarn.client.api.JobSummary;
import dev.spindle.yarn.client.api.OperationNotSupportedException;
import dev.spindle.yarn.client.api.Program;
import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.api.SpindleClientException;
import dev.spindle.yarn.client.api.StagingCleanup;

/** A client factory for CLI tests: records which target was asked for, with what, and what was called; no cluster. */
final class RecordingClients implements ClusterClientFactory {

    static final String APP = "application_1_0001";

    DeploymentTarget target;
    Configuration configuration;
    /** The calls in order, e.g. "run", "stop 0123... /sp true". */
    final List<String> calls = new ArrayList<>();
    Program program;
    /** What listJobs answers. */
    List<JobSummary> jobs = List.of();
    /** When set, every call throws it: a target without this back end. */
    SpindleClientException failure;

    @Override
    public ClusterClient create(DeploymentTarget target, Configuration configuration, ProgressListener listener) {
        this.target = target;
        this.configuration = configuration;
        return new Recorder(target);
    }

    static ApplicationStatus running() {
        return new ApplicationStatus(APP, "app", "RUNNING", "UNDEFINED", "", "http://rm/proxy/" + APP + "/", false);
    }

    private final class Recorder implements ClusterClient {
        private final DeploymentTarget target;

        Recorder(DeploymentTarget target) {
            this.target = target;
        }

        private void call(String call) throws SpindleClientException {
            calls.add(call);
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public DeploymentTarget target() {
            return target;
        }

        @Override
        public DeploymentResult run(Program p) throws SpindleClientException {
            program = p;
            call("run");
            return new DeploymentResult(target, null, null, false, List.of(), List.of(), null);
        }

        @Override
        public DeploymentResult deployCluster() throws SpindleClientException {
            call("deployCluster");
            boolean detached = !configuration.get(dev.spindle.configuration.DeploymentOptions.ATTACHED);
            return new DeploymentResult(target, APP, null, detached, List.of(), List.of(), null);
        }

        @Override
        public ApplicationStatus status() throws SpindleClientException {
            call("status");
            return running();
        }

        @Override
        public JobListing listJobs() throws SpindleClientException {
            call("listJobs");
            return new JobListing(running(), jobs);
        }

        @Override
        public JobDetails jobDetails(JobID jobId) throws SpindleClientException {
            call("jobDetails " + jobId);
            throw new UnsupportedOperationException();
        }

        @Override
        public CancelResult cancel(JobID jobId) throws SpindleClientException {
            call("cancel " + jobId);
            throw new UnsupportedOperationException();
        }

        @Override
        public String triggerSavepoint(JobID jobId, String targetDirectory) throws SpindleClientException {
            call("savepoint " + jobId + " " + targetDirectory);
            return targetDirectory + "/savepoint-1";
        }

        @Override
        public String stopWithSavepoint(JobID jobId, String savepointPath, boolean drain) throws SpindleClientException {
            call("stop " + jobId + " " + savepointPath + " " + drain);
            return savepointPath + "/savepoint-1";
        }

        @Override
        public ApplicationStatus shutDownCluster() throws SpindleClientException {
            call("shutDownCluster");
            return new ApplicationStatus(APP, "app", "FINISHED", "SUCCEEDED", "", null, true);
        }

        @Override
        public void printLogs(String applicationId, String containerId, boolean follow, PrintStream sink)
                throws SpindleClientException {
            call("logs " + applicationId + " " + containerId + " " + follow);
        }

        @Override
        public StagingCleanup removeEndedStagingDirs() throws SpindleClientException {
            call("clean");
            return new StagingCleanup("/user/u/.spindle", List.of());
        }

        @Override
        public ClusterResources clusterResources() throws SpindleClientException {
            call("clusterResources");
            return new ClusterResources(List.of(), List.of());
        }

        @Override
        public void close() {
        }
    }
}
