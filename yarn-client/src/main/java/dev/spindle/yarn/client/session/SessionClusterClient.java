package dev.spindle.yarn.client.session;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.PipelineOptions;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.runtime.program.PackagedProgram;
import dev.spindle.runtime.program.ProgramInvocationException;
import dev.spindle.yarn.client.api.ApplicationStatus;
import dev.spindle.yarn.client.api.ClusterEndedException;
import dev.spindle.yarn.client.api.DeploymentException;
import dev.spindle.yarn.client.api.DeploymentResult;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.Program;
import dev.spindle.yarn.client.api.ProgramFailedException;
import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.api.SpindleClientException;
import dev.spindle.yarn.client.cluster.LocalWorkDir;
import dev.spindle.yarn.client.cluster.FoundCluster;
import dev.spindle.yarn.client.cluster.ProgressPrintStream;
import dev.spindle.yarn.client.cluster.RootCause;
import dev.spindle.yarn.client.cluster.YarnClusterClient;
import dev.spindle.yarn.client.deployment.DeployedApplication;
import dev.spindle.yarn.client.deployment.DeploymentRequest;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;

/**
 * {@code -t yarn-session}: starts a long-lived session (recorded in the {@code .yarn-properties-<user>}
 * file), runs programs whose main() runs here and whose jobs go to the session over REST, and stops it.
 * An ended session is forgotten: the properties file no longer names it.
 */
public final class SessionClusterClient extends YarnClusterClient {

    private static final Logger LOG = LoggerFactory.getLogger(SessionClusterClient.class);

    private final SessionPropertiesFile properties;

    public SessionClusterClient(HadoopConfLocator locator, Configuration configuration, ProgressListener listener) {
        super(DeploymentTarget.YARN_SESSION, locator, configuration, listener);
        this.properties = SessionPropertiesFile.of(this.configuration);
    }

    @Override
    protected String describeCluster() {
        return "session";
    }

    @Override
    public DeploymentResult deployCluster() throws SpindleClientException {
        YarnClusterDescriptor descriptor = yarn.descriptor();
        DeployedApplication app;
        try (LocalWorkDir workDir = LocalWorkDir.create("spindle-deploy-")) {
            app = descriptor.deploy(new DeploymentRequest(configuration, DeploymentRequest.SESSION_MODE_ENTRYPOINT,
                    "Spindle session", null, null, List.of(), Map.of()), workDir.path());
        }
        String id = app.applicationId().toString();
        if (app.restUrl() == null) {
            throw new DeploymentException("Session " + id + " ended before it was ready: "
                    + app.report().getFinalApplicationStatus() + " " + app.report().getDiagnostics());
        }
        try {
            properties.write(app.applicationId(), app.secret());
        } catch (IOException e) {
            kill(descriptor, app.applicationId());
            throw new DeploymentException("Could not record session " + id + " for later clients (" + e.getMessage()
                    + "); stopping it.", e);
        }
        LOG.info("Session {} started; REST {}; properties file {}", id, app.restUrl(), properties.path());
        listener.progress("Spindle session " + id + " is running. Web UI / REST: " + app.restUrl()
                + " (through YARN: " + app.report().getTrackingUrl() + ")");
        listener.progress("Session recorded in " + properties.path() + " (owner-only), so 'spindle run' finds it.");
        return new DeploymentResult(target(), id, app.report().getTrackingUrl(),
                !configuration.get(DeploymentOptions.ATTACHED), List.of(), List.of(), null);
    }

    private static void kill(YarnClusterDescriptor descriptor, ApplicationId appId) {
        try {
            descriptor.kill(appId);
        } catch (Exception e) {
            LOG.warn("Could not kill session {}: {}", appId, e.toString());
        }
    }

    @Override
    public DeploymentResult run(Program program) throws SpindleClientException {
        FoundCluster cluster = find();
        if (cluster.ended()) {
            ApplicationStatus end = cluster.status();
            throw new ClusterEndedException("Cannot submit to session " + end.applicationId() + ": it has ended ("
                    + end.state() + ", final status " + end.finalStatus() + "). Start a new one with 'yarn-session.sh -d'.",
                    end);
        }
        resolveSavepointPath();
        URI jar = program.jar().uri();
        if (program.jar().isRemote()) {
            throw new SpindleClientException("A run on a session needs a local program jar to run its main() here, not "
                    + jar + "; copy it here first (e.g. hdfs dfs -get).");
        }
        String id = cluster.applicationId().toString();
        boolean attached = configuration.get(DeploymentOptions.ATTACHED);
        RestPipelineExecutor executor;
        try {
            SessionJarUploader.Staged staged = new SessionJarUploader(yarn.descriptor().fileSystem(), cluster.stagingDir())
                    .stage(jar);
            listener.progress("User jar " + (staged.uploaded() ? "uploaded to " : "already in the session at ")
                    + staged.uri());
            RestJobClient.Reconnector reconnector = () -> {
                FoundCluster now = cluster.withReport(yarn.descriptor().report(cluster.applicationId()));
                if (now.ended()) {
                    throw new ClusterEndedException("Session " + id + " ended (" + now.status().state() + ", final status "
                            + now.status().finalStatus() + ") while its job ran: " + now.status().diagnostics(), now.status());
                }
                return now.rest();
            };
            executor = new RestPipelineExecutor(cluster.rest(), reconnector, id, attached, new ProgressPrintStream(listener));
            runMain(program, staged.uri(), executor);
        } catch (IOException e) {
            throw new SpindleClientException("Cannot stage the user jar in session " + id + ": " + RootCause.message(e), e);
        }
        if (executor.submittedJobs().isEmpty()) {
            listener.notice("Note: the program ended without submitting a job (it never called execute()).");
        }
        return new DeploymentResult(target(), id, cluster.report().getTrackingUrl(), !attached, executor.submittedJobs(),
                List.of(), null);
    }

    private void runMain(Program program, URI stagedJar, RestPipelineExecutor executor) throws ProgramFailedException {
        try (PackagedProgram packaged = PackagedProgram.create(program.jar().localFile(), program.entryClass(),
                program.arguments().toArray(new String[0]), List.of(yarn.hadoopConfClasspathEntry()), configuration)) {
            // TaskExecutors load user code from the jars the job graph names: the copy in the session's staging dir.
            Configuration withJars = new Configuration(configuration);
            withJars.set(PipelineOptions.JARS, List.of(stagedJar.toString()));
            ExecutionContext.install(new ExecutionContext(executor, withJars, packaged.getUserCodeClassLoader()));
            try {
                packaged.invokeMain();
            } finally {
                ExecutionContext.uninstall();
            }
        } catch (ProgramInvocationException e) {
            throw new ProgramFailedException(e.getMessage() + RootCause.suffix(e), e.getCause());
        }
    }

    @Override
    public ApplicationStatus status() throws SpindleClientException {
        return forgetIfEnded(super.status());
    }

    @Override
    public ApplicationStatus shutDownCluster() throws SpindleClientException {
        return forgetIfEnded(super.shutDownCluster());
    }

    private ApplicationStatus forgetIfEnded(ApplicationStatus status) throws SpindleClientException {
        if (status.ended()) {
            try {
                properties.deleteIfNames(ApplicationId.fromString(status.applicationId()));
            } catch (IOException e) {
                throw new SpindleClientException("Cannot update " + properties.path() + ": " + e.getMessage(), e);
            }
        }
        return status;
    }
}
