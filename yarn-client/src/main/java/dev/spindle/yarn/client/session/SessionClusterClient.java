package dev.spindle.yarn.client.session;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.PipelineOptions;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.runtime.jars.FileSystemUserJarStore;
import dev.spindle.runtime.program.PackagedProgram;
import dev.spindle.runtime.program.ProgramInvocationException;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.tls.TransportSecurity;
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
import dev.spindle.yarn.client.cluster.ApplicationReports;
import dev.spindle.yarn.client.cluster.FoundCluster;
import dev.spindle.yarn.client.cluster.ProgressPrintStream;
import dev.spindle.yarn.client.cluster.RootCause;
import dev.spindle.yarn.client.cluster.YarnClusterClient;
import dev.spindle.yarn.client.deployment.DeployedApplication;
import dev.spindle.yarn.client.deployment.DeploymentRequest;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;
import dev.spindle.yarn.client.rest.RestClusterClient;
import dev.spindle.yarn.client.rest.RestUserJarStore;
import dev.spindle.yarn.common.ContainerLayout;

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
            properties.write(app.applicationId(), app.secret(), app.restUrl(), app.report().getTrackingUrl());
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
        URI jar = program.jar().uri();
        if (program.jar().isRemote()) {
            throw new SpindleClientException("A run on a session needs a local program jar to run its main() here, not "
                    + jar + "; copy it here first (e.g. hdfs dfs -get).");
        }
        SessionJarUploader jarUploader;
        try {
            jarUploader = new SessionJarUploader(program.jar().localFile().toPath());
        } catch (IOException e) {
            throw new SpindleClientException("Cannot read the program jar " + jar + ": " + RootCause.message(e), e);
        }
        Optional<DeploymentResult> direct = runThroughRecordedEndpoint(program, jarUploader);
        if (direct.isPresent()) {
            return direct.get();
        }
        FoundCluster cluster = find();
        if (cluster.ended()) {
            ApplicationStatus end = cluster.status();
            throw new ClusterEndedException("Cannot submit to session " + end.applicationId() + ": it has ended ("
                    + end.state() + ", final status " + end.finalStatus() + "). Start a new one with 'yarn-session.sh -d'.",
                    end);
        }
        resolveSavepointPath();
        String id = cluster.applicationId().toString();
        boolean attached = configuration.get(DeploymentOptions.ATTACHED);
        RestPipelineExecutor executor;
        try {
            SessionJarUploader.Staged staged = jarUploader.stage(new FileSystemUserJarStore(yarn.descriptor().fileSystem(),
                    new Path(cluster.stagingDir(), ContainerLayout.USRLIB_DIR)));
            listener.progress(staged.describe());
            recordEndpoint(cluster);
            executor = new RestPipelineExecutor(cluster.rest(), reconnector(id), id, attached, new ProgressPrintStream(listener));
            runMain(program, staged.uri(), executor);
        } catch (IOException e) {
            throw new SpindleClientException("Cannot stage the user jar in session " + id + ": " + RootCause.message(e), e);
        }
        return result(executor, id, cluster.report().getTrackingUrl(), attached);
    }

    /**
     * The warm path: the properties file names this session and where its REST endpoint was. When
     * that endpoint still answers (over TLS pinned to the session's certificate, so nothing else
     * can), the jar goes to the session over REST and neither YARN nor HDFS is asked: no Hadoop
     * client starts in this JVM. Empty when the path does not apply or the endpoint does not
     * answer (the AM moved to another attempt, or the session ended); the caller then asks YARN.
     */
    private Optional<DeploymentResult> runThroughRecordedEndpoint(Program program, SessionJarUploader jarUploader)
            throws SpindleClientException {
        Optional<SessionPropertiesFile.Entry> recorded;
        try {
            recorded = finder.recordedSession();
        } catch (IOException e) {
            return Optional.empty(); // the way through YARN reads the file again and reports what is wrong with it
        }
        if (recorded.isEmpty() || recorded.get().restUrl() == null
                || configuration.getOptional(DeploymentOptions.SAVEPOINT_PATH).filter(p -> !p.isBlank()).isPresent()) {
            return Optional.empty(); // a savepoint path is checked on the cluster's file system first
        }
        SessionPropertiesFile.Entry session = recorded.get();
        ClusterSecret secret = session.secret().withTransport(TransportSecurity.from(configuration));
        if (!secret.transport().rest().isTls()) {
            return Optional.empty(); // only a pinned certificate proves that the recorded address is still this session
        }
        RestClusterClient rest = new RestClusterClient(session.restUrl(), secret);
        SessionJarUploader.Staged staged;
        try {
            staged = jarUploader.stage(new RestUserJarStore(rest));
        } catch (IOException e) {
            LOG.info("Session {}: its recorded REST endpoint {} did not take the job ({}); asking YARN where it is now", session.id(),
                    session.restUrl(), RootCause.message(e));
            return Optional.empty();
        }
        listener.progress(staged.describe());
        boolean attached = configuration.get(DeploymentOptions.ATTACHED);
        LOG.info("Submitting to session {} at its recorded REST endpoint {}, without asking YARN", session.id(), session.restUrl());
        RestPipelineExecutor executor = new RestPipelineExecutor(rest, reconnector(session.id()), session.id(), attached,
                new ProgressPrintStream(listener));
        runMain(program, staged.uri(), executor);
        return Optional.of(result(executor, session.id(), session.trackingUrl(), attached));
    }

    /** After a failover the endpoint moved: the file learns the new one, so that the next run goes straight there. */
    private void recordEndpoint(FoundCluster cluster) {
        try {
            Optional<SessionPropertiesFile.Entry> recorded = finder.recordedSession();
            String restUrl = ApplicationReports.restUrl(cluster.report());
            if (recorded.isPresent() && recorded.get().id().equals(cluster.applicationId().toString()) && restUrl != null
                    && !restUrl.equals(recorded.get().restUrl())) {
                properties.write(cluster.applicationId(), recorded.get().secret(), restUrl, cluster.report().getTrackingUrl());
                LOG.info("Session {}: recorded its REST endpoint {} in {}", cluster.applicationId(), restUrl, properties.path());
            }
        } catch (IOException e) {
            LOG.warn("Could not record the REST endpoint of session {} in {}: {}", cluster.applicationId(), properties.path(),
                    e.toString());
        }
    }

    /** Finds the session anew once its REST endpoint stops answering while a job runs. */
    private RestJobClient.Reconnector reconnector(String id) {
        return () -> {
            FoundCluster now = find();
            if (now.ended()) {
                throw new ClusterEndedException("Session " + id + " ended (" + now.status().state() + ", final status "
                        + now.status().finalStatus() + ") while its job ran: " + now.status().diagnostics(), now.status());
            }
            return now.rest();
        };
    }

    private DeploymentResult result(RestPipelineExecutor executor, String id, String trackingUrl, boolean attached) {
        if (executor.submittedJobs().isEmpty()) {
            listener.notice("Note: the program ended without submitting a job (it never called execute()).");
        }
        return new DeploymentResult(target(), id, trackingUrl, !attached, executor.submittedJobs(), List.of(), null);
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
