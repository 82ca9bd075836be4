package dev.spindle.yarn.am;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;
import org.apache.hadoop.yarn.client.api.AMRMClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.ConfigurationValidator;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.configuration.memory.TaskExecutorProcessSpec;
import dev.spindle.runtime.entrypoint.ClusterServices;
import dev.spindle.runtime.entrypoint.ClusterServicesFactory;
import dev.spindle.runtime.fs.HadoopConfigurations;
import dev.spindle.runtime.jars.FileSystemUserJarStore;
import dev.spindle.runtime.jars.UserJarStore;
import dev.spindle.runtime.metrics.PhaseLog;
import dev.spindle.runtime.recovery.FileSystemJobRecoveryStore;
import dev.spindle.runtime.recovery.JobRecoveryStore;
import dev.spindle.runtime.rpc.RpcAddress;
import dev.spindle.runtime.rpc.RpcServer;
import dev.spindle.runtime.rest.WebUiEndpoint;
import dev.spindle.yarn.am.web.RmProvisionedKeystore;
import dev.spindle.yarn.am.web.RmProxyAuthorizer;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.resourcemanager.AttemptEndedByClusterException;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.yarn.am.driver.TaskExecutorContainerFactory;
import dev.spindle.yarn.am.security.AppMasterKerberos;
import dev.spindle.yarn.am.driver.YarnResourceManagerDriver;
import dev.spindle.yarn.common.AttemptAddresses;
import dev.spindle.yarn.common.ContainerLayout;
import dev.spindle.yarn.common.ContainerSecrets;
import dev.spindle.yarn.common.EntrypointMode;
import dev.spindle.yarn.common.LaunchSpec;
import dev.spindle.yarn.common.LaunchSpecFile;

/**
 * What every AM entrypoint does around its mode: read the launch spec and the secret (the AM's
 * only two inputs besides YARN's own environment), start the cluster services with the YARN
 * driver, run the mode, unregister with its outcome, remove the staging dir. Returns the process
 * exit code; the caller must exit with it (NMClientAsync threads are non-daemon and would keep a
 * finished AM alive).
 */
public final class YarnAppMasterRunner {

    private static final Logger LOG = LoggerFactory.getLogger(YarnAppMasterRunner.class);

    private final EntrypointMode entrypoint;
    private final Function<LaunchSpec, AppMasterMode> modes;
    private final Map<String, String> env;
    private final Path workDir;

    /**
     * @param entrypoint the mode of the main class that runs; the spec must name the same
     * @param modes the mode's work, made from the spec
     */
    public YarnAppMasterRunner(EntrypointMode entrypoint, Function<LaunchSpec, AppMasterMode> modes) {
        this(entrypoint, modes, System.getenv(), Path.of("").toAbsolutePath());
    }

    YarnAppMasterRunner(EntrypointMode entrypoint, Function<LaunchSpec, AppMasterMode> modes, Map<String, String> env,
            Path workDir) {
        this.entrypoint = entrypoint;
        this.modes = modes;
        this.env = env;
        this.workDir = workDir;
    }

    public int run() {
        String containerId = env.get(ApplicationConstants.Environment.CONTAINER_ID.name());
        String host = env.getOrDefault(ApplicationConstants.Environment.NM_HOST.name(), "localhost");
        LOG.info("ApplicationMaster {} starting on {} ({} mode)", containerId, host, entrypoint);
        PhaseLog.markJvmStart("am-jvm-started", "container=" + containerId);
        PhaseLog.mark("am-main", "container=" + containerId);
        // Loaded while the AM reads its configuration and opens its file system, long before its RPC server starts.
        RpcServer.preloadTransportInBackground();
        YarnConfiguration yarnConf = HadoopConfigurations.withLatencyDefaults(new YarnConfiguration());
        Path specFile = workDir.resolve(ContainerLayout.LAUNCH_SPEC_FILE);
        // The staging dir is read on its own, so that even a spec that does not parse is cleaned up.
        StagingDirCleanup staging = new StagingDirCleanup(yarnConf, LaunchSpecFile.readStagingDir(specFile),
                "ApplicationMaster " + containerId);
        staging.setFinalAttempt(FinalAttempt.isFinal(containerId, yarnConf.getInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS,
                YarnConfiguration.DEFAULT_RM_AM_MAX_ATTEMPTS)));
        staging.armShutdownHook();
        AppMasterOutcome outcome;
        ClusterServices services = null;
        AppMasterKerberos kerberos = null;
        try {
            LaunchSpec spec = LaunchSpecFile.read(specFile);
            if (spec.mode() != entrypoint) {
                throw new IllegalStateException("the launch spec is for " + spec.mode() + " mode but this ApplicationMaster's"
                        + " main class runs " + entrypoint + " mode (" + entrypoint.mainClass() + ")");
            }
            Configuration conf = spec.toConfiguration();
            // First of all: the client's delegation tokens may have expired while the AM waited for its container.
            kerberos = AppMasterKerberos.startIfKeytab(conf, yarnConf, workDir, spec.stagingDir(), containerId).orElse(null);
            ConfigurationValidator.forClasspath().validate(conf);
            int maxAttempts = Math.min(conf.get(YarnConfigOptions.APPLICATION_ATTEMPTS),
                    yarnConf.getInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, YarnConfiguration.DEFAULT_RM_AM_MAX_ATTEMPTS));
            staging.setFinalAttempt(FinalAttempt.isFinal(containerId, maxAttempts));
            ClusterSecret secret = ContainerSecrets.readFromCurrentUser();
            YarnResourceManagerDriver driver = YarnResourceManagerDriver.create(conf, yarnConf,
                    taskExecutorContainers(spec, conf, yarnConf, secret)::create, host);
            services = ClusterServicesFactory.start(conf, driver, secret, host, recoveryStore(spec, yarnConf, maxAttempts),
                    new WebUiEndpoint(RmProvisionedKeystore.fromEnvironment(System.getenv()), RmProxyAuthorizer.fromYarn(yarnConf)),
                    userJarStore(spec, yarnConf), null);
            driver.reportProgressFrom(services.getProgress());
            if (kerberos != null) {
                kerberos.publishTo(services.getDelegationTokenDistributor());
            }
            LOG.info("Cluster services up: RPC {}:{}, REST {}", services.getRpcHost(), services.getRpcPort(), services.getRestUrl());
            recordAddressForKeptTaskExecutors(spec, yarnConf, containerId, maxAttempts,
                    new RpcAddress(services.getRpcHost(), services.getRpcPort()));
            outcome = runUntilDoneOrFatal(modes.apply(spec), services, conf);
        } catch (Throwable t) {
            LOG.error("The ApplicationMaster failed to start its cluster", t);
            outcome = AppMasterOutcome.failed("The ApplicationMaster failed to start: " + AppMasterOutcome.rootCause(t));
        }
        if (kerberos != null) {
            kerberos.close();
        }
        boolean unregistered = false;
        boolean attemptEndedByYarn = services != null && services.getFatalErrorFuture().getNow(null)
                instanceof AttemptEndedByClusterException;
        if (services != null) {
            try {
                services.shutDown(outcome.status(), outcome.diagnostics());
                unregistered = true;
            } catch (Throwable t) {
                LOG.error("Shutting down the cluster services of {} failed: {}", containerId, t.toString());
            }
        }
        if (!unregistered && !attemptEndedByYarn) {
            unregistered = unregisterWithoutServices(yarnConf, host, outcome);
        }
        // After unregistering: an attempt that could not unregister may be followed by another,
        // which localizes from the staging dir.
        staging.afterEnd(unregistered);
        LOG.info("ApplicationMaster {} ends: {} ({})", containerId, outcome.status(), outcome.diagnostics());
        PhaseLog.mark("am-ends", "container=" + containerId + " unregistered=" + unregistered);
        return outcome.status() == ApplicationStatus.SUCCEEDED ? 0 : 1;
    }

    /**
     * Where the jobs are recorded for a later attempt to resume them: the staging dir, which every
     * attempt localizes from and which outlives all but the final one. With a single attempt there
     * is no one to resume, so nothing is written.
     */
    private static JobRecoveryStore recoveryStore(LaunchSpec spec, YarnConfiguration yarnConf, int maxAttempts) throws IOException {
        if (maxAttempts <= 1 || spec.stagingDir() == null) {
            return JobRecoveryStore.none();
        }
        return new FileSystemJobRecoveryStore(new org.apache.hadoop.fs.Path(spec.stagingDir(), ContainerLayout.RECOVERY_DIR), yarnConf);
    }

    /** A session takes its clients' jars into its staging dir's {@code usrlib/}, where the Hadoop-side upload puts them too. */
    private static UserJarStore userJarStore(LaunchSpec spec, YarnConfiguration yarnConf) throws IOException {
        if (spec.mode() != EntrypointMode.SESSION || spec.stagingDir() == null) {
            return null;
        }
        return new FileSystemUserJarStore(new org.apache.hadoop.fs.Path(spec.stagingDir(), ContainerLayout.USRLIB_DIR), yarnConf);
    }

    /**
     * TaskExecutors of an earlier attempt that YARN kept running look for this attempt in the
     * staging dir once the old one stops answering. A single attempt has no successor to announce.
     */
    private static void recordAddressForKeptTaskExecutors(LaunchSpec spec, YarnConfiguration yarnConf, String containerId,
            int maxAttempts, RpcAddress address) {
        if (maxAttempts <= 1 || spec.stagingDir() == null || containerId == null) {
            return;
        }
        try {
            int attempt = ContainerId.fromString(containerId).getApplicationAttemptId().getAttemptId();
            org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(spec.stagingDir());
            new AttemptAddresses(staging.getFileSystem(yarnConf), staging).record(attempt, address);
            LOG.info("Attempt {} recorded its resource manager at {} for TaskExecutors kept from earlier attempts", attempt, address);
        } catch (IOException | IllegalArgumentException e) {
            // Not fatal: kept TaskExecutors then time out and the jobs run on new containers.
            LOG.warn("Could not record this attempt's resource manager address in {}: {}; TaskExecutors kept from an earlier"
                    + " attempt will not find it", spec.stagingDir(), e.toString());
        }
    }

    /**
     * Runs the mode until it returns or the cluster below fails for good (YARN told the AM to shut
     * down, or its client failed), whichever comes first; the mode's thread is a daemon, so a
     * user {@code main()} still running does not keep the process.
     */
    private AppMasterOutcome runUntilDoneOrFatal(AppMasterMode mode, ClusterServices services, Configuration conf) {
        CompletableFuture<AppMasterOutcome> work = new CompletableFuture<>();
        Thread worker = new Thread(() -> work.complete(runMode(mode, services, conf)), "am-mode-" + entrypoint);
        worker.setDaemon(true);
        worker.start();
        CompletableFuture.anyOf(work, services.getFatalErrorFuture()).join();
        if (work.isDone()) {
            return work.join();
        }
        Throwable fatal = services.getFatalErrorFuture().join();
        LOG.error("The ApplicationMaster ends because its YARN connection failed: {}", fatal.toString());
        return AppMasterOutcome.failed("The ApplicationMaster ended: " + AppMasterOutcome.rootCause(fatal));
    }

    private AppMasterOutcome runMode(AppMasterMode mode, ClusterServices services, Configuration conf) {
        try {
            return mode.run(services, conf);
        } catch (Throwable t) {
            LOG.error("The ApplicationMaster's work failed", t);
            return AppMasterOutcome.failed(AppMasterOutcome.rootCause(t));
        }
    }

    /**
     * TaskExecutors get the spec's files, classpath and environment as the client decided them,
     * plus the spec itself (their configuration) and their own memory flags.
     */
    private TaskExecutorContainerFactory taskExecutorContainers(LaunchSpec spec, Configuration conf,
            YarnConfiguration yarnConf, ClusterSecret secret) throws IOException {
        return TaskExecutorContainerFactory.fromLaunchSpec(spec, specResource(spec, yarnConf), workerSpec -> {
            Configuration c = new Configuration(conf);
            c.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, workerSpec.processMemory());
            c.set(TaskManagerOptions.NUM_TASK_SLOTS, workerSpec.numSlots());
            return TaskExecutorProcessSpec.fromConfiguration(c);
        }, secret, YarnAppMasterRunner::currentCredentials);
    }

    /** Read at every launch: the AM's delegation tokens change when they are re-obtained. */
    private static org.apache.hadoop.security.Credentials currentCredentials() {
        try {
            return UserGroupInformation.getCurrentUser().getCredentials();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The spec file as a local resource: it cannot list itself, so its size and timestamp (which
     * the NodeManager checks) are read back from the staging dir.
     */
    private static LocalResource specResource(LaunchSpec spec, YarnConfiguration yarnConf) throws IOException {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(spec.stagingDir(), ContainerLayout.LAUNCH_SPEC_FILE);
        FileStatus status = file.getFileSystem(yarnConf).getFileStatus(file);
        return LocalResource.newInstance(URL.fromPath(status.getPath()), LocalResourceType.FILE,
                LocalResourceVisibility.APPLICATION, status.getLen(), status.getModificationTime());
    }

    /** The services never came up (or broke): still tell YARN why, so the user sees it in the report. */
    private static boolean unregisterWithoutServices(YarnConfiguration yarnConf, String host, AppMasterOutcome outcome) {
        AMRMClient<AMRMClient.ContainerRequest> client = AMRMClient.createAMRMClient();
        try {
            client.init(yarnConf);
            client.start();
            try {
                client.registerApplicationMaster(host, 0, "");
            } catch (Exception e) {
                // Already registered by the driver before the failure: unregistering still works.
                LOG.debug("Registering for the final unregister failed: {}", e.toString());
            }
            client.unregisterApplicationMaster(outcome.status() == ApplicationStatus.SUCCEEDED
                    ? FinalApplicationStatus.SUCCEEDED : FinalApplicationStatus.FAILED, outcome.diagnostics(), null);
            return true;
        } catch (Exception e) {
            LOG.error("Could not unregister from YARN; the application will end when this process exits", e);
            return false;
        } finally {
            client.stop();
        }
    }
}
