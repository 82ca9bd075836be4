package dev.spindle.yarn.am;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.client.api.AMRMClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.configuration.memory.TaskExecutorProcessSpec;
import dev.spindle.runtime.entrypoint.ClusterServices;
import dev.spindle.runtime.entrypoint.ClusterServicesFactory;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.yarn.am.driver.TaskExecutorContainerFactory;
import dev.spindle.yarn.am.driver.YarnResourceManagerDriver;
import dev.spindle.yarn.client.container.ContainerClasspath;
import dev.spindle.yarn.client.container.ContainerEnvironment;
import dev.spindle.yarn.client.container.ContainerSecrets;
import dev.spindle.yarn.client.container.LocalResourceListing;
import dev.spindle.yarn.client.container.ShippedConfiguration;

/**
 * What every AM entrypoint does around its mode: read the shipped config and the secret, start the
 * cluster services with the YARN driver, run the mode, unregister with its outcome, remove the
 * staging dir. Returns the process exit code; the caller must exit with it (NMClientAsync threads
 * are non-daemon and would keep a finished AM alive).
 */
public final class YarnAppMasterRunner {

    private static final Logger LOG = LoggerFactory.getLogger(YarnAppMasterRunner.class);

    private final AppMasterMode mode;
    private final Map<String, String> env;
    private final Path workDir;

    public YarnAppMasterRunner(AppMasterMode mode) {
        this(mode, System.getenv(), Path.of("").toAbsolutePath());
    }

    YarnAppMasterRunner(AppMasterMode mode, Map<String, String> env, Path workDir) {
        this.mode = mode;
        this.env = env;
        this.workDir = workDir;
    }

    public int run() {
        String containerId = env.get(ApplicationConstants.Environment.CONTAINER_ID.name());
        String host = env.getOrDefault(ApplicationConstants.Environment.NM_HOST.name(), "localhost");
        LOG.info("ApplicationMaster {} starting on {} ({})", containerId, host, mode.getClass().getSimpleName());
        YarnConfiguration yarnConf = new YarnConfiguration();
        AppMasterOutcome outcome;
        ClusterServices services = null;
        try {
            Configuration conf = ShippedConfiguration.read(workDir.resolve(ContainerEnvironment.CONF_DIR).resolve(ShippedConfiguration.FILE_NAME));
            ClusterSecret secret = ContainerSecrets.readFromCurrentUser();
            YarnResourceManagerDriver driver = YarnResourceManagerDriver.create(conf, yarnConf,
                    taskExecutorContainers(conf, yarnConf, secret)::create, host);
            services = ClusterServicesFactory.start(conf, driver, secret, host);
            LOG.info("Cluster services up: RPC {}:{}, REST {}", services.getRpcHost(), services.getRpcPort(), services.getRestUrl());
            outcome = runMode(services, conf);
        } catch (Throwable t) {
            LOG.error("The ApplicationMaster failed to start its cluster", t);
            outcome = AppMasterOutcome.failed("The ApplicationMaster failed to start: " + AppMasterOutcome.rootCause(t));
        }
        // Before unregistering: once YARN reports the application ended, nothing of it may be left.
        removeStagingDir(yarnConf);
        boolean unregistered = false;
        if (services != null) {
            try {
                services.shutDown(outcome.status(), outcome.diagnostics());
                unregistered = true;
            } catch (Throwable t) {
                LOG.error("Shutting down the cluster services failed", t);
            }
        }
        if (!unregistered) {
            unregisterWithoutServices(yarnConf, host, outcome);
        }
        LOG.info("ApplicationMaster {} ends: {} ({})", containerId, outcome.status(), outcome.diagnostics());
        return outcome.status() == ApplicationStatus.SUCCEEDED ? 0 : 1;
    }

    private AppMasterOutcome runMode(ClusterServices services, Configuration conf) {
        try {
            return mode.run(services, conf);
        } catch (Throwable t) {
            LOG.error("The ApplicationMaster's work failed", t);
            return AppMasterOutcome.failed(AppMasterOutcome.rootCause(t));
        }
    }

    /**
     * TaskExecutors get the AM's files and a classpath built the same way as the AM's own (the
     * AM's CLASSPATH variable is already expanded to the AM's working dir and cannot be reused).
     */
    private TaskExecutorContainerFactory taskExecutorContainers(Configuration conf, YarnConfiguration yarnConf,
            ClusterSecret secret) throws IOException {
        Map<String, LocalResource> resources = new HashMap<>(LocalResourceListing.decode(
                Files.readString(workDir.resolve(LocalResourceListing.FILE_NAME), StandardCharsets.UTF_8)));
        List<String> frameworkLinks = resources.keySet().stream().filter(k -> k.startsWith("lib/")).toList();
        List<String> cluster = Arrays.asList(yarnConf.getTrimmedStrings(YarnConfiguration.YARN_APPLICATION_CLASSPATH,
                YarnConfiguration.DEFAULT_YARN_CROSS_PLATFORM_APPLICATION_CLASSPATH));
        Map<String, String> teEnv = new HashMap<>();
        teEnv.put("CLASSPATH", ContainerClasspath.build(frameworkLinks, env.get(ContainerEnvironment.USER_JAR),
                conf.get(YarnConfigOptions.CLASSPATH_INCLUDE_USER_JAR), cluster));
        if (env.containsKey("HADOOP_USER_NAME")) {
            teEnv.put("HADOOP_USER_NAME", env.get("HADOOP_USER_NAME"));
        }
        if (conf.get(YarnConfigOptions.SHIP_JAVA_HOME)) {
            teEnv.put("JAVA_HOME", System.getProperty("java.home"));
        }
        return new TaskExecutorContainerFactory(resources, teEnv, spec -> {
            Configuration c = new Configuration(conf);
            c.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, spec.processMemory());
            c.set(TaskManagerOptions.NUM_TASK_SLOTS, spec.numSlots());
            return TaskExecutorProcessSpec.fromConfiguration(c);
        }, secret, UserGroupInformation.getCurrentUser().getCredentials());
    }

    /** The services never came up (or broke): still tell YARN why, so the user sees it in the report. */
    private static void unregisterWithoutServices(YarnConfiguration yarnConf, String host, AppMasterOutcome outcome) {
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
        } catch (Exception e) {
            LOG.error("Could not unregister from YARN; the application will end when this process exits", e);
        } finally {
            client.stop();
        }
    }

    private void removeStagingDir(YarnConfiguration yarnConf) {
        String dir = env.get(ContainerEnvironment.STAGING_DIR);
        if (dir == null || dir.isBlank()) {
            return;
        }
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(dir);
            // A fresh instance: user code may have closed the cached one.
            try (FileSystem fs = FileSystem.newInstance(path.toUri(), yarnConf)) {
                if (!fs.delete(path, true)) {
                    LOG.warn("Staging dir {} was already gone", path);
                } else {
                    LOG.info("Removed staging dir {}", path);
                }
            }
        } catch (Exception e) {
            LOG.warn("Could not remove staging dir {}; the next deployment or 'spindle clean' will: {}", dir, e.toString());
        }
    }
}
