package dev.spindle.yarn.client.security;

import java.io.IOException;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.client.util.YarnClientUtils;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.common.security.DelegationTokenObtainers;

/**
 * The delegation tokens the client puts into the AM's launch context on a Kerberos cluster: for
 * the staging file system, the further file systems configured, and the ResourceManager, all with
 * the RM as renewer so that YARN keeps them alive while the application runs (up to their max
 * lifetime; past it only an AM with a keytab can go on).
 */
public final class ClientDelegationTokens {

    private ClientDelegationTokens() {
    }

    /** Empty credentials when the cluster does not use Kerberos. */
    public static Credentials obtain(Configuration conf, YarnConfiguration yarnConf, FileSystem stagingFs) throws IOException {
        if (!UserGroupInformation.isSecurityEnabled()) {
            return new Credentials();
        }
        String renewer = YarnClientUtils.getRmPrincipal(yarnConf);
        if (renewer == null || renewer.isBlank()) {
            throw new IOException("The cluster uses Kerberos but " + YarnConfiguration.RM_PRINCIPAL
                    + " is not set in yarn-site.xml: the ResourceManager must be named as the renewer of the delegation tokens");
        }
        return DelegationTokenObtainers.forApplication(conf, yarnConf, stagingFs.getUri()).obtainAll(renewer);
    }
}
