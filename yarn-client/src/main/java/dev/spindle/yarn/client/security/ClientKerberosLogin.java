package dev.spindle.yarn.client.security;

import java.io.IOException;

import org.apache.hadoop.security.SecurityUtil;
import org.apache.hadoop.security.UserGroupInformation;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.preflight.PreflightException;
import dev.spindle.yarn.common.security.KerberosLoginSettings;
import dev.spindle.yarn.common.security.KeytabLogin;

/**
 * The client's Kerberos login, done before it first talks to YARN or HDFS: from the keytab when
 * {@code security.kerberos.login.keytab} is set, otherwise the ticket cache Hadoop finds itself.
 * Wrong settings fail here, before anything is uploaded.
 */
public final class ClientKerberosLogin {

    private ClientKerberosLogin() {
    }

    /** @throws PreflightException naming the key to change when the settings cannot work or the login fails */
    public static void login(Configuration conf, org.apache.hadoop.conf.Configuration hadoopConf) throws PreflightException {
        boolean kerberos = SecurityUtil.getAuthenticationMethod(hadoopConf) == UserGroupInformation.AuthenticationMethod.KERBEROS;
        KerberosLoginSettings settings = KerberosLoginSettings.from(conf);
        try {
            settings.validate(kerberos);
        } catch (IllegalArgumentException e) {
            throw new PreflightException(e.getMessage(), e);
        }
        if (!kerberos) {
            return;
        }
        // Hadoop's security settings come from the located HADOOP_CONF_DIR, not from the classpath.
        UserGroupInformation.setConfiguration(hadoopConf);
        if (settings.hasKeytab()) {
            try {
                KeytabLogin.loginProcessUser(settings.principal(), settings.keytab());
            } catch (IOException e) {
                throw new PreflightException("Kerberos login as " + settings.principal() + " from the keytab " + settings.keytab()
                        + " failed: " + e.getMessage() + " (check the principal's name and that the keytab holds its current key)", e);
            }
        }
    }
}
