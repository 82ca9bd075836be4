package dev.spindle.yarn.am.security;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
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
import dev.spindle.yarn.common.ContainerLayout;
import dev.spindle.yarn.common.ContainerSecrets;
import dev.spindle.yarn.common.security.DelegationTokenObtainers;
import dev.spindle.yarn.common.security.KerberosLoginSettings;
import dev.spindle.yarn.common.security.KeytabLogin;

/**
 * The AM's Kerberos duties when the client shipped a keytab: log in from it, keep the login fresh,
 * and keep the delegation tokens of the AM and its TaskExecutors alive past their max lifetime.
 * Without a keytab the AM lives on the client's tokens, which YARN renews until their max lifetime.
 */
public final class AppMasterKerberos implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppMasterKerberos.class);

    private final ScheduledExecutorService executor;
    private final TokenRenewalScheduler renewal;

    private AppMasterKerberos(ScheduledExecutorService executor, TokenRenewalScheduler renewal) {
        this.executor = executor;
        this.renewal = renewal;
    }

    /**
     * Starts the duties when {@code security.kerberos.login.keytab} is set; empty otherwise.
     *
     * @param workDir the container's working dir, where the keytab is localized
     * @param stagingDir the application's staging dir (tokens for its file system are always needed); null: the default file system
     */
    public static Optional<AppMasterKerberos> startIfKeytab(Configuration conf, org.apache.hadoop.conf.Configuration hadoopConf,
            Path workDir, String stagingDir, DelegationTokenDistributor distributor) throws Exception {
        KerberosLoginSettings settings = KerberosLoginSettings.from(conf);
        if (!settings.hasKeytab()) {
            if (UserGroupInformation.isSecurityEnabled()) {
                LOG.info("No keytab ({}): the AM uses the client's delegation tokens, which end at their max lifetime",
                        SecurityOptions.KERBEROS_LOGIN_KEYTAB.key());
            }
            return Optional.empty();
        }
        Path keytab = workDir.resolve(ContainerLayout.KEYTAB_FILE);
        if (!Files.isReadable(keytab)) {
            throw new IOException("The keytab was not localized into the AM's working dir as " + keytab
                    + " although " + SecurityOptions.KERBEROS_LOGIN_KEYTAB.key() + " is set");
        }
        URI stagingFileSystem = stagingDir == null ? FileSystem.getDefaultUri(hadoopConf)
                : new org.apache.hadoop.fs.Path(stagingDir).getFileSystem(hadoopConf).getUri();
        UserGroupInformation keytabUser = KeytabLogin.loginSeparateUser(settings.principal(), keytab);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kerberos-renewal");
            t.setDaemon(true);
            return t;
        });
        long reloginMillis = conf.get(SecurityOptions.KERBEROS_RELOGIN_PERIOD).toMillis();
        executor.scheduleWithFixedDelay(new KeytabRelogin(keytabUser), reloginMillis, reloginMillis, TimeUnit.MILLISECONDS);
        TokenRenewalScheduler renewal = new TokenRenewalScheduler(
                new HadoopTokenOperations(keytabUser, DelegationTokenObtainers.forApplication(conf, hadoopConf, stagingFileSystem), hadoopConf),
                credentials -> useEverywhere(credentials, distributor),
                (delay, task) -> executor.schedule(task, delay, TimeUnit.MILLISECONDS), System::currentTimeMillis,
                conf.get(SecurityOptions.KERBEROS_TOKENS_RENEWAL_TIME_RATIO),
                conf.get(SecurityOptions.KERBEROS_TOKENS_RENEWAL_RETRY_BACKOFF).toMillis());
        try {
            renewal.start();
        } catch (Exception e) {
            executor.shutdownNow();
            throw new IOException("The AM could not obtain delegation tokens as " + settings.principal() + ": " + e.getMessage(), e);
        }
        return Optional.of(new AppMasterKerberos(executor, renewal));
    }

    /** The AM's own calls and the TaskExecutors (running ones by heartbeat, new ones by their launch context). */
    private static void useEverywhere(Credentials credentials, DelegationTokenDistributor distributor) {
        try {
            UserGroupInformation.getCurrentUser().addCredentials(credentials);
            java.nio.ByteBuffer serialized = ContainerSecrets.serialize(credentials);
            byte[] bytes = new byte[serialized.remaining()];
            serialized.get(bytes);
            distributor.publish(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        renewal.stop();
        executor.shutdownNow();
    }
}
