package dev.spindle.yarn.common.security;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
     * A separate user logged in from the keytab, holding no delegation tokens: the AM obtains and
     * renews tokens as this user, since servers refuse to issue or renew tokens to a caller that
     * authenticated with a token itself.
     */
    public static UserGroupInformation loginSeparateUser(String principal, Path keytab) throws IOException {
        UserGroupInformation ugi = UserGroupInformation.loginUserFromKeytabAndReturnUGI(principal, keytab.toAbsolutePath().toString());
        LOG.info("Logged in to Kerberos as {} from keytab {} (for delegation tokens)", principal, keytab);
        return ugi;
    }
}
