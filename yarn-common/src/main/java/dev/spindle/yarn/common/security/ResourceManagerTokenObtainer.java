package dev.spindle.yarn.common.security;

import java.io.IOException;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.ipc.RPC;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.token.Token;
import org.apache.hadoop.yarn.api.ApplicationClientProtocol;
import org.apache.hadoop.yarn.api.protocolrecords.GetDelegationTokenRequest;
import org.apache.hadoop.yarn.client.ClientRMProxy;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.apache.hadoop.yarn.security.client.RMDelegationTokenIdentifier;
import org.apache.hadoop.yarn.util.ConverterUtils;

/**
 * A YARN ResourceManager delegation token, so that the AM (and clients acting for it) can call the
 * RM's client protocol (application reports, kill) without Kerberos credentials of their own.
 */
public final class ResourceManagerTokenObtainer implements DelegationTokenObtainer {

    private final Configuration hadoopConf;

    public ResourceManagerTokenObtainer(Configuration hadoopConf) {
        this.hadoopConf = hadoopConf;
    }

    @Override
    public String serviceName() {
        return "YARN ResourceManager";
    }

    @Override
    public void obtain(Credentials credentials, String renewer) throws IOException {
        ApplicationClientProtocol rm = ClientRMProxy.createRMProxy(hadoopConf, ApplicationClientProtocol.class);
        try {
            org.apache.hadoop.yarn.api.records.Token yarnToken = rm.getDelegationToken(
                    GetDelegationTokenRequest.newInstance(renewer)).getRMDelegationToken();
            Text service = ClientRMProxy.getRMDelegationTokenService(hadoopConf);
            Token<RMDelegationTokenIdentifier> token = ConverterUtils.convertFromYarn(yarnToken, service);
            credentials.addToken(service, token);
        } catch (YarnException e) {
            throw new IOException("The ResourceManager gave no delegation token: " + e.getMessage(), e);
        } finally {
            RPC.stopProxy(rm);
        }
    }
}
