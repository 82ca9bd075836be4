package dev.spindle.yarn.common.security;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.SecurityOptions;

/**
 * How a process logs in to Kerberos, from the {@code security.kerberos.login.*} keys, checked so
 * that a wrong setting fails on the client with the key to change, before anything is uploaded.
 *
 * @param keytab the keytab file, or null for the ticket cache
 * @param principal the keytab's principal, or null for the ticket cache
 * @param useTicketCache whether the ticket cache may be used without a keytab
 */
public record KerberosLoginSettings(Path keytab, String principal, boolean useTicketCache) {

    public static KerberosLoginSettings from(Configuration conf) {
        return new KerberosLoginSettings(conf.getOptional(SecurityOptions.KERBEROS_LOGIN_KEYTAB).map(Path::of).orElse(null),
                conf.getOptional(SecurityOptions.KERBEROS_LOGIN_PRINCIPAL).filter(p -> !p.isBlank()).orElse(null),
                conf.get(SecurityOptions.KERBEROS_LOGIN_USE_TICKET_CACHE));
    }

    public boolean hasKeytab() {
        return keytab != null;
    }

    /**
     * Refuses settings that cannot work: half a keytab login, a keytab that cannot be read, a keytab
     * on a cluster without Kerberos (it would be ignored), or Kerberos without any credentials.
     *
     * @param kerberosEnabled whether the Hadoop configuration says {@code hadoop.security.authentication=kerberos}
     */
    public void validate(boolean kerberosEnabled) {
        String keytabKey = SecurityOptions.KERBEROS_LOGIN_KEYTAB.key();
        String principalKey = SecurityOptions.KERBEROS_LOGIN_PRINCIPAL.key();
        if (keytab != null && principal == null) {
            throw new IllegalArgumentException(keytabKey + " is set (" + keytab + ") but " + principalKey
                    + " is not: name the principal the keytab holds, e.g. -D" + principalKey + "=user@REALM");
        }
        if (keytab == null && principal != null) {
            throw new IllegalArgumentException(principalKey + " is set (" + principal + ") but " + keytabKey
                    + " is not: give the keytab file of that principal, or drop " + principalKey + " to use the ticket cache");
        }
        if (keytab != null) {
            if (!kerberosEnabled) {
                throw new IllegalArgumentException(keytabKey + " is set but the Hadoop configuration does not use Kerberos"
                        + " (hadoop.security.authentication is not kerberos): remove " + keytabKey + " and " + principalKey
                        + ", or point HADOOP_CONF_DIR at the secure cluster's configuration");
            }
            if (!Files.exists(keytab)) {
                throw new IllegalArgumentException("The keytab " + keytab + " (" + keytabKey + ") does not exist");
            }
            if (!Files.isRegularFile(keytab)) {
                throw new IllegalArgumentException("The keytab " + keytab + " (" + keytabKey + ") is not a regular file");
            }
            if (!Files.isReadable(keytab)) {
                throw new IllegalArgumentException("The keytab " + keytab + " (" + keytabKey + ") is not readable by this user");
            }
        } else if (kerberosEnabled && !useTicketCache) {
            throw new IllegalArgumentException("The cluster uses Kerberos but there are no credentials to log in with: "
                    + SecurityOptions.KERBEROS_LOGIN_USE_TICKET_CACHE.key() + " is false and no " + keytabKey + " / "
                    + principalKey + " is set");
        }
    }
}
