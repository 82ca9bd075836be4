package dev.spindle.yarn.te;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.ConfigurationValidator;
import dev.spindle.configuration.SecurityOptions;
import dev.spindle.runtime.metrics.PhaseLog;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.rpc.RpcServer;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.taskexecutor.ResourceManagerLocator;
import dev.spindle.runtime.taskexecutor.TaskExecutorRunner;
import dev.spindle.yarn.common.ContainerLayout;
import dev.spindle.yarn.common.ContainerSecrets;
import dev.spindle.yarn.common.LaunchSpec;
import dev.spindle.yarn.common.LaunchSpecFile;
import dev.spindle.yarn.common.security.KerberosLoginSettings;
import dev.spindle.yarn.common.security.KeytabLogin;
import dev.spindle.yarn.common.security.KeytabRelogin;

/**
 * Main class of TaskExecutor containers: {@code YarnTaskExecutorRunner <rmHost> <rmPort>}. The
 * container id is the TaskExecutor's id; the configuration comes from the launch spec the AM
 * passed on, the secret from the container credentials.
 */
public final class YarnTaskExecutorRunner {

    private static final Logger LOG = LoggerFactory.getLogger(YarnTaskExecutorRunner.class);

    private YarnTaskExecutorRunner() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = run(args);
        } catch (Throwable t) {
            LOG.error("TaskExecutor failed", t);
            exitCode = 1;
        }
        // Hadoop and RPC threads may be non-daemon; the container must end with the TaskExecutor.
        System.exit(exitCode);
    }

    static int run(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: YarnTaskExecutorRunner <resourceManagerHost> <resourceManagerPort>");
        }
        String containerId = System.getenv(ApplicationConstants.Environment.CONTAINER_ID.name());
        if (containerId == null) {
            throw new IllegalStateException("CONTAINER_ID is not set: this runner only runs in a YARN container");
        }
        // The main class's logger is set up before main() runs: this is JVM boot and logging init.
        PhaseLog.mark("te-logging-ready", "container=" + containerId);
        RpcServer.preloadTransportInBackground();
        LaunchSpec spec = LaunchSpecFile.read(Path.of(ContainerLayout.LAUNCH_SPEC_FILE));
        Configuration conf = spec.toConfiguration();
        // The client checked the same values; a spec written by another client version may not have been.
        ConfigurationValidator.forClasspath().validate(conf);
        ClusterSecret secret = ContainerSecrets.readFromContainerTokens();
        // Before the first Hadoop call, so that every file system client of this process is the keytab user's.
        KeytabRelogin relogin = loginIfKeytab(conf, containerId);
        ResourceManagerLocator newerAttempts = newerAttempts(spec.stagingDir());
        PhaseLog.markJvmStart("te-jvm-started", "container=" + containerId);
        PhaseLog.mark("te-main", "container=" + containerId);
        LOG.info("TaskExecutor {} registering with the resource manager at {}:{}", containerId, args[0], args[1]);
        try {
            return TaskExecutorRunner.runTaskExecutor(conf, new ResourceID(containerId), args[0], Integer.parseInt(args[1]), secret,
                    containerDir(), newerAttempts);
        } finally {
            if (relogin != null) {
                relogin.close();
            }
        }
    }

    /**
     * With a keytab the TaskExecutor logs in from it like the AM does, and keeps the login fresh:
     * the tokens the AM hands over keep serving the services they are for, Kerberos the others.
     * Without one it lives on those tokens alone.
     *
     * @return the periodic re-login, or null without a keytab
     */
    private static KeytabRelogin loginIfKeytab(Configuration conf, String containerId) throws IOException {
        KerberosLoginSettings settings = KerberosLoginSettings.from(conf);
        if (!settings.hasKeytab()) {
            return null;
        }
        UserGroupInformation user = KeytabLogin.loginContainerProcessUser(settings.principal(),
                KeytabLogin.localizedKeytab(containerDir(), "TaskExecutor"), containerId);
        return KeytabRelogin.start(user, containerId, conf.get(SecurityOptions.KERBEROS_RELOGIN_PERIOD));
    }

    /**
     * YARN keeps this container when the ApplicationMaster fails and starts another attempt; the new
     * attempt records its address in the staging dir, where this TaskExecutor looks once the old one
     * stops answering. Without a staging dir the resource manager cannot move.
     */
    private static ResourceManagerLocator newerAttempts(String stagingDir) {
        return stagingDir == null ? ResourceManagerLocator.fixed() : StagingDirLocator.openInBackground(stagingDir);
    }

    /**
     * The container's working dir: private to this application's user (the NodeManager creates it
     * under the user's appcache) and removed by YARN when the container ends, even after a SIGKILL,
     * unlike anything in the shared temp dir.
     */
    static Path containerDir() {
        String pwd = System.getenv(ApplicationConstants.Environment.PWD.name());
        if (pwd != null && !pwd.isBlank()) {
            return Path.of(pwd);
        }
        String localDirs = System.getenv(ApplicationConstants.Environment.LOCAL_DIRS.name());
        if (localDirs != null && !localDirs.isBlank()) {
            return Path.of(localDirs.split(",")[0].trim());
        }
        return Path.of("").toAbsolutePath();
    }
}
