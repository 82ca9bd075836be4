package dev.spindle.yarn.am.security;

import java.io.IOException;

import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the keytab login's TGT fresh: Hadoop logs in again only when the ticket is near its end,
 * so checking often costs nothing.
 */
final class KeytabRelogin implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(KeytabRelogin.class);

    private final UserGroupInformation keytabUser;

    KeytabRelogin(UserGroupInformation keytabUser) {
        this.keytabUser = keytabUser;
    }

    @Override
    public void run() {
        try {
            keytabUser.checkTGTAndReloginFromKeytab();
        } catch (IOException | RuntimeException e) {
            LOG.error("Kerberos re-login of {} from its keytab failed (tried again next period): {}", keytabUser.getUserName(), e.toString());
        }
    }
}
