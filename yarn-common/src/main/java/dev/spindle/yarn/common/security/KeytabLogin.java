package dev.spindle.yarn.common.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.SecurityOptions;
import dev.spindle.yarn.common.ContainerLayout;

/** Kerberos login from a keytab, as this process's Hadoop user or as a user of its own. */
public final class KeytabLogin {

    private static final Logger LOG = LoggerFactory.getLogger(KeytabLogin.class);

    private KeytabLogin() {
    }

    /** Makes the keytab's principal this process's login user (the client: every Hadoop call then uses it). */
    public static void loginProcessUser(String principal, Path keytab) throws IOException {
        UserGroupInformation.loginUserFromKeytab(principal, keytab.toAbsolutePath().toString());
        LOG.info("Logged in to Kerberos as {} from keytab {}", principal, keytab);
    }

    /**
     * Makes the keytab's principal the login user of a container's process (a TaskExecutor), keeping
     * what the container was launched with: Hadoop's keytab login starts a user without credentials,
     * and the launch credentials hold the cluster secret and the delegation tokens, which Hadoop
     * clients keep using wherever they have one; Kerberos covers every service they have none for.
     *
     * @return the new login user
     */
    public static UserGroupInformation loginContainerProcessUser(String principal, Path keytab, String containerId)
            throws IOException {
        requireKerberos(containerId);
        Credentials launched = UserGroupInformation.getLoginUser().getCredentials();
        UserGroupInformation.loginUserFromKeytab(principal, keytab.toAbsolutePath().toString());
        UserGroupInformation user = UserGroupInformation.getLoginUser();
        user.addCredentials(launched);
        LOG.info("Logged in to Kerberos as {} from keytab {} in container {} (keeping the {} delegation tokens it was launched with)",
                principal, keytab, containerId, launched.numberOfTokens());
        return user;
    }

    /**
     * A separate user logged in from the keytab, holding no delegation tokens: the AM obtains and
     * renews tokens as this user, since servers refuse to issue or renew tokens to a caller that
     * authenticated with a token itself.
     */
    public static UserGroupInformation loginSeparateUser(String principal, Path keytab, String containerId) throws IOException {
        requireKerberos(containerId);
        UserGroupInformation ugi = UserGroupInformation.loginUserFromKeytabAndReturnUGI(principal, keytab.toAbsolutePath().toString());
        LOG.info("Logged in to Kerberos as {} from keytab {} in container {} (for delegation tokens)", principal, keytab, containerId);
        return ugi;
    }

    /**
     * Hadoop skips a keytab login silently when its configuration does not use Kerberos; a
     * container told to log in must not then run as if it had.
     */
    private static void requireKerberos(String containerId) throws IOException {
        if (!UserGroupInformation.isSecurityEnabled()) {
            throw new IOException(SecurityOptions.KERBEROS_LOGIN_KEYTAB.key() + " is set but the Hadoop configuration of container "
                    + containerId + " does not use Kerberos (hadoop.security.authentication in the shipped core-site.xml)");
        }
    }

    /**
     * The keytab as YARN localized it into a container's working dir, when
     * {@code security.kerberos.login.keytab} is set (the client ships it to every container).
     *
     * @param process "ApplicationMaster" or "TaskExecutor", for the message
     * @throws IOException when it is missing: the launch context lacks it
     */
    public static Path localizedKeytab(Path workDir, String process) throws IOException {
        Path keytab = workDir.resolve(ContainerLayout.KEYTAB_FILE);
        if (!Files.isReadable(keytab)) {
            throw new IOException("The keytab was not localized into the " + process + "'s working dir as " + keytab
                    + " although " + SecurityOptions.KERBEROS_LOGIN_KEYTAB.key() + " is set");
        }
        return keytab;
    }
}
