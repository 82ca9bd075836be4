package dev.spindle.yarn.am;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.entrypoint.ClusterServices;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobGraphFile;
import dev.spindle.api.JobID;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;

/**
 * Per-job mode: runs exactly the job graph the client built and shipped as {@code job.graph}, and
 * ends the application with that job: FINISHED gives SUCCEEDED, FAILED gives FAILED, CANCELED
 * ({@code spindle cancel}) gives KILLED.
 */
public final class PerJobMode implements AppMasterMode {

    private static final Logger LOG = LoggerFactory.getLogger(PerJobMode.class);

    private final Path jobGraphFile;

    public PerJobMode(Path jobGraphFile) {
        this.jobGraphFile = jobGraphFile;
    }

    @Override
    public AppMasterOutcome run(ClusterServices services, Configuration configuration) throws Exception {
        JobGraph graph;
        try {
            // Vertices carry user code as bytes, so the graph itself needs only framework classes.
            graph = JobGraphFile.read(Files.readAllBytes(jobGraphFile), PerJobMode.class.getClassLoader());
        } catch (NoSuchFileException e) {
            return AppMasterOutcome.failed("No job graph was shipped with this per-job application (" + JobGraphFile.FILE_NAME
                    + " missing from the ApplicationMaster's working dir).");
        } catch (JobGraphFile.UnreadableJobGraphException e) {
            LOG.error("Cannot read the shipped job graph: {}", e.getMessage());
            return AppMasterOutcome.failed("The per-job ApplicationMaster cannot run its job: " + e.getMessage());
        }
        JobID jobId = services.getDispatcher().submitJob(graph).get();
        LOG.info("Per-job: job {} ({}) submitted with {} vertices", jobId, graph.getName(), graph.getVertices().size());
        JobResult result = services.getDispatcher().requestJobResult(jobId).get();
        LOG.info("Per-job: job {} ended {}", jobId, result.status());
        return outcome(result);
    }

    static AppMasterOutcome outcome(JobResult r) {
        String head = "Job " + r.jobId() + " (" + r.jobName() + ") " + r.status();
        if (r.status() == JobStatus.FINISHED) {
            return AppMasterOutcome.succeeded(head + " in " + r.durationMillis() + " ms.");
        }
        String text = head + (r.failureCause() == null ? "." : ": " + r.failureCause());
        return r.status() == JobStatus.CANCELED ? new AppMasterOutcome(ApplicationStatus.KILLED, text)
                : AppMasterOutcome.failed(text);
    }
}
