package dev.spindle.yarn.common.security;

import java.io.IOException;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.security.auth.Subject;
import javax.security.auth.kerberos.KerberosTicket;

import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a keytab login's TGT fresh, in the AM and in TaskExecutors alike: Hadoop logs in again
 * only when the ticket is near its end, so checking often costs nothing. Hadoop's own keytab
 * auto-renewal is off by default, and a process that only uses delegation tokens for hours would
 * otherwise hold an expired TGT the moment it needs Kerberos.
 */
public final class KeytabRelogin implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeytabRelogin.class);

    private final UserGroupInformation keytabUser;
    private final String containerId;
    private ScheduledExecutorService executor;

    /** @param containerId the container this process runs in, for the log lines */
    public KeytabRelogin(UserGroupInformation keytabUser, String containerId) {
        this.keytabUser = keytabUser;
        this.containerId = containerId;
    }

    /** Checks the login of {@code keytabUser} every {@code period} on a daemon thread of its own, until closed. */
    public static KeytabRelogin start(UserGroupInformation keytabUser, String containerId, Duration period) {
        KeytabRelogin relogin = new KeytabRelogin(keytabUser, containerId);
        relogin.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kerberos-relogin");
            t.setDaemon(true);
            return t;
        });
        relogin.executor.scheduleWithFixedDelay(relogin, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return relogin;
    }

    @Override
    public void run() {
        checkNow();
    }

    /** One check; true when it logged in again (Hadoop replaced the ticket). */
    boolean checkNow() {
        try {
            KerberosTicket before = tgt(keytabUser);
            keytabUser.checkTGTAndReloginFromKeytab();
            KerberosTicket after = tgt(keytabUser);
            if (after == null || after == before) {
                return false;
            }
            LOG.info("Kerberos re-login of {} from its keytab in container {}: new ticket valid until {}",
                    keytabUser.getUserName(), containerId, after.getEndTime().toInstant());
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.error("Kerberos re-login of {} from its keytab in container {} failed (tried again next period): {}",
                    keytabUser.getUserName(), containerId, e.toString());
            return false;
        }
    }

    /** The user's ticket-granting ticket, or null when it holds none. */
    @SuppressWarnings("removal")
    static KerberosTicket tgt(UserGroupInformation user) {
        // The user's Subject is only reachable from inside doAs (UserGroupInformation#getSubject is protected).
        Subject subject = user.doAs((PrivilegedAction<Subject>) () -> Subject.getSubject(AccessController.getContext()));
        if (subject == null) {
            return null;
        }
        synchronized (subject.getPrivateCredentials()) {
            for (KerberosTicket ticket : subject.getPrivateCredentials(KerberosTicket.class)) {
                if (ticket.getServer().getName().startsWith("krbtgt/")) {
                    return ticket;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
