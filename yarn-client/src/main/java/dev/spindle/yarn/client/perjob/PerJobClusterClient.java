package dev.spindle.yarn.client.perjob;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.exceptions.YarnException;

import dev.spindle.api.JobExecutionResult;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.api.JobID;
import dev.spindle.runtime.program.PackagedProgram;
import dev.spindle.runtime.program.ProgramInvocationException;
import dev.spindle.yarn.client.api.ApplicationStatus;
import dev.spindle.yarn.client.api.DeploymentResult;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.JobSummary;
import dev.spindle.yarn.client.api.Program;
import dev.spindle.yarn.client.api.ProgramFailedException;
import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.api.SpindleClientException;
import dev.spindle.yarn.client.cluster.ApplicationReports;
import dev.spindle.yarn.client.cluster.LocalWorkDir;
import dev.spindle.yarn.client.cluster.ProgressPrintStream;
import dev.spindle.yarn.client.cluster.RootCause;
import dev.spindle.yarn.client.cluster.YarnClusterClient;
import dev.spindle.yarn.client.deployment.DeployedApplication;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;

/**
 * {@code -t yarn-per-job}: runs the program's main() here only to build its job graph, which
 * {@link PerJobPipelineExecutor} ships with a per-job ApplicationMaster. Detached, returns once
 * YARN accepted the application; attached, once the job (and with it the application) ended.
 */
public final class PerJobClusterClient extends YarnClusterClient {

    public PerJobClusterClient(HadoopConfLocator locator, Configuration configuration, ProgressListener listener) {
        super(DeploymentTarget.YARN_PER_JOB, locator, configuration, listener);
    }

    @Override
    public DeploymentResult run(Program program) throws SpindleClientException {
        URI jarUri = program.jar().forDeployment();
        boolean attached = configuration.get(DeploymentOptions.ATTACHED);
        YarnClusterDescriptor descriptor = yarn.descriptor();
        resolveSavepointPath();
        try (LocalWorkDir workDir = LocalWorkDir.create("spindle-perjob-")) {
            Path localJar = localCopy(jarUri, descriptor, workDir.path());
            PerJobPipelineExecutor executor = new PerJobPipelineExecutor(descriptor, jarUri, program.entryClass(),
                    program.arguments(), workDir.path().resolve("deploy"), new ProgressPrintStream(listener));
            String mainClass = runMain(program, localJar, executor, descriptor, attached);
            DeployedApplication app = executor.deployedApplication();
            if (app == null) {
                throw new ProgramFailedException("The program " + mainClass + " built no job (its main() never called"
                        + " execute()); nothing was deployed.", null);
            }
            JobID jobId = executor.jobGraph().getJobId();
            String id = app.applicationId().toString();
            String trackingUrl = app.report().getTrackingUrl();
            if (!attached) {
                return new DeploymentResult(target(), id, trackingUrl, true, List.of(jobId), List.of(), null);
            }
            List<JobSummary> jobs = awaitJob(executor);
            ApplicationStatus end = ApplicationReports.status(descriptor.report(app.applicationId()));
            return new DeploymentResult(target(), id, trackingUrl, false, List.of(jobId), jobs, end);
        } catch (IOException | YarnException e) {
            throw new SpindleClientException("The per-job deployment failed: " + RootCause.message(e), e);
        }
    }

    /** Runs main() with the executor installed; returns the entry class's name. */
    private String runMain(Program program, Path localJar, PerJobPipelineExecutor executor,
            YarnClusterDescriptor descriptor, boolean attached) throws SpindleClientException {
        try (PackagedProgram packaged = PackagedProgram.create(localJar.toFile(), program.entryClass(),
                program.arguments().toArray(new String[0]), List.of(yarn.hadoopConfClasspathEntry()), configuration)) {
            ExecutionContext.install(new ExecutionContext(executor, configuration, packaged.getUserCodeClassLoader()));
            try {
                packaged.invokeMain();
            } catch (ProgramInvocationException e) {
                throw new ProgramFailedException(e.getMessage() + RootCause.suffix(e) + endLeftover(executor, descriptor,
                        attached), e.getCause());
            } finally {
                ExecutionContext.uninstall();
            }
            return packaged.getMainClassName();
        } catch (ProgramInvocationException e) {
            throw new ProgramFailedException(e.getMessage() + RootCause.suffix(e), e.getCause());
        }
    }

    /** Attached: the job was followed by execute() (or is followed now, after executeAsync()). */
    private static List<JobSummary> awaitJob(PerJobPipelineExecutor executor) {
        try {
            JobExecutionResult result = executor.jobClient().getJobExecutionResult().join();
            return List.of(new JobSummary(result.getJobId(), executor.jobGraph().getName(), "FINISHED", 0,
                    result.getNetRuntime(), null, new java.util.LinkedHashMap<>(result.getAllAccumulatorResults())));
        } catch (CompletionException e) {
            return List.of(); // YARN's final report carries the same cause
        }
    }

    /**
     * main() failed after its job went out (e.g. it asked for a second job): the call fails, so a
     * detached application it leaves behind is killed rather than left for the user to find.
     */
    private static String endLeftover(PerJobPipelineExecutor executor, YarnClusterDescriptor descriptor,
            boolean attached) {
        DeployedApplication app = executor.deployedApplication();
        if (app == null) {
            return "";
        }
        ApplicationId appId = app.applicationId();
        if (attached) {
            return "\nIts job " + executor.jobGraph().getJobId() + " had already run as application " + appId + ".";
        }
        try {
            descriptor.kill(appId);
            return "\nIts job " + executor.jobGraph().getJobId() + " had already been submitted as application " + appId
                    + "; the application was killed and its staging dir removed.";
        } catch (Exception e) {
            return "\nIts job was already submitted as application " + appId + " and could not be killed ("
                    + e.getMessage() + "); end it with 'yarn application -kill " + appId + "'.";
        }
    }

    /** main() runs here, so a remote jar is fetched into the work dir; the cluster still uses it in place. */
    private static Path localCopy(URI jar, YarnClusterDescriptor descriptor, Path workDir) throws IOException {
        if (jar.getScheme() == null || jar.getScheme().equals("file")) {
            return Path.of(jar);
        }
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(jar);
        Path local = workDir.resolve("program").resolve(remote.getName());
        Files.createDirectories(local.getParent());
        try (FileSystem remoteFs = FileSystem.newInstance(jar, descriptor.fileSystem().getConf())) {
            remoteFs.copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(local.toUri()), true);
        }
        return local;
    }
}
