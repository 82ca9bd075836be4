package dev.spindle.yarn.am.security;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.SecurityOptions;
import dev.spindle.runtime.security.tokens.DelegationTokenDistributor;
import dev.spindle.yarn.common.ContainerSecrets;
import dev.spindle.yarn.common.security.DelegationTokenObtainers;
import dev.spindle.yarn.common.security.KerberosLoginSettings;
import dev.spindle.yarn.common.security.KeytabLogin;
import dev.spindle.yarn.common.security.KeytabRelogin;

/**
 * The AM's Kerberos duties when the client shipped a keytab: log in from it, keep the login fresh,
 * and keep the delegation tokens of the AM and its TaskExecutors alive past their max lifetime.
 * Without a keytab the AM lives on the client's tokens, which YARN renews until their max lifetime.
 */
public final class AppMasterKerberos implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppMasterKerberos.class);

    private final ScheduledExecutorService executor;
    private KeytabRelogin relogin;
    private TokenRenewalScheduler renewal;
    private DelegationTokenDistributor distributor;
    private byte[] latest;

    private AppMasterKerberos(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /**
     * Starts the duties when {@code security.kerberos.login.keytab} is set; empty otherwise. Called
     * before the AM first touches HDFS, so that it runs on tokens of its own even when the client's
     * expired while the application waited for its AM container.
     *
     * @param workDir the container's working dir, where the keytab is localized
     * @param stagingDir the application's staging dir (tokens for its file system are always needed); null: the default file system
     * @param containerId the AM's container, for the log lines
     */
    public static Optional<AppMasterKerberos> startIfKeytab(Configuration conf, org.apache.hadoop.conf.Configuration hadoopConf,
            Path workDir, String stagingDir, String containerId) throws Exception {
        KerberosLoginSettings settings = KerberosLoginSettings.from(conf);
        if (!settings.hasKeytab()) {
            if (UserGroupInformation.isSecurityEnabled()) {
                LOG.info("No keytab ({}): the AM uses the client's delegation tokens, which end at their max lifetime",
                        SecurityOptions.KERBEROS_LOGIN_KEYTAB.key());
            }
            return Optional.empty();
        }
        Path keytab = KeytabLogin.localizedKeytab(workDir, "ApplicationMaster");
        UserGroupInformation keytabUser = KeytabLogin.loginSeparateUser(settings.principal(), keytab, containerId);
        // Resolving the file system makes no call to it: the client's tokens need not be valid any more.
        URI stagingFileSystem = stagingDir == null ? FileSystem.getDefaultUri(hadoopConf)
                : new org.apache.hadoop.fs.Path(stagingDir).getFileSystem(hadoopConf).getUri();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kerberos-renewal");
            t.setDaemon(true);
            return t;
        });
        AppMasterKerberos kerberos = new AppMasterKerberos(executor);
        kerberos.relogin = KeytabRelogin.start(keytabUser, containerId, conf.get(SecurityOptions.KERBEROS_RELOGIN_PERIOD));
        kerberos.renewal = new TokenRenewalScheduler(
                new HadoopTokenOperations(keytabUser, DelegationTokenObtainers.forApplication(conf, hadoopConf, stagingFileSystem), hadoopConf),
                kerberos::useEverywhere,
                (delay, task) -> executor.schedule(task, delay, TimeUnit.MILLISECONDS), System::currentTimeMillis,
                conf.get(SecurityOptions.KERBEROS_TOKENS_RENEWAL_TIME_RATIO),
                conf.get(SecurityOptions.KERBEROS_TOKENS_RENEWAL_RETRY_BACKOFF).toMillis());
        try {
            kerberos.renewal.start();
        } catch (Exception e) {
            kerberos.close();
            throw new IOException("The AM could not obtain delegation tokens as " + settings.principal() + ": " + e.getMessage(), e);
        }
        return Optional.of(kerberos);
    }

    /**
     * From now on every new generation also goes to the TaskExecutors, starting with the current
     * one; called once the cluster services are up.
     */
    public synchronized void publishTo(DelegationTokenDistributor tokenDistributor) {
        this.distributor = tokenDistributor;
        if (latest != null) {
            tokenDistributor.publish(latest);
        }
    }

    /** The AM's own calls and the TaskExecutors (running ones by heartbeat, new ones by their launch context). */
    private synchronized void useEverywhere(Credentials credentials) {
        try {
            UserGroupInformation.getCurrentUser().addCredentials(credentials);
            java.nio.ByteBuffer serialized = ContainerSecrets.serialize(credentials);
            latest = new byte[serialized.remaining()];
            serialized.get(latest);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (distributor != null) {
            distributor.publish(latest);
        }
    }

    @Override
    public void close() {
        if (renewal != null) {
            renewal.stop();
        }
        relogin.close();
        executor.shutdownNow();
    }
}
