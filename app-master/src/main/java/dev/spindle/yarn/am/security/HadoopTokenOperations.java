package dev.spindle.yarn.am.security;

import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.security.token.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.yarn.common.security.DelegationTokenObtainers;
import dev.spindle.yarn.common.security.TokenLifetime;
import dev.spindle.yarn.common.security.TokenMaxDates;

/**
 * Obtains and renews tokens as the keytab user, who is their renewer: the NameNode and the RM let
 * only a token's renewer renew it, and only a Kerberos-authenticated caller.
 */
final class HadoopTokenOperations implements TokenOperations {

    private static final Logger LOG = LoggerFactory.getLogger(HadoopTokenOperations.class);

    private final UserGroupInformation keytabUser;
    private final DelegationTokenObtainers obtainers;
    private final Configuration hadoopConf;

    HadoopTokenOperations(UserGroupInformation keytabUser, DelegationTokenObtainers obtainers, Configuration hadoopConf) {
        this.keytabUser = keytabUser;
        this.obtainers = obtainers;
        this.hadoopConf = hadoopConf;
    }

    @Override
    public Generation obtain() throws Exception {
        Credentials credentials = asKeytabUser(() -> obtainers.obtainAll(keytabUser.getShortUserName()));
        return new Generation(credentials, renew(new Generation(credentials, List.of())));
    }

    @Override
    public List<TokenLifetime> renew(Generation generation) throws Exception {
        List<TokenLifetime> lifetimes = new ArrayList<>();
        for (Map.Entry<Text, Token<? extends org.apache.hadoop.security.token.TokenIdentifier>> e
                : generation.credentials().getTokenMap().entrySet()) {
            Token<?> token = e.getValue();
            OptionalLong maxDate = TokenMaxDates.of(token);
            if (maxDate.isEmpty() || !token.isManaged()) {
                LOG.info("Token {} ({}) has no renewable lifetime; it is only replaced with each new generation", e.getKey(), token.getKind());
                continue;
            }
            long expiresAt = asKeytabUser(() -> token.renew(hadoopConf));
            lifetimes.add(new TokenLifetime(e.getKey().toString(), expiresAt, maxDate.getAsLong()));
        }
        return lifetimes;
    }

    private <T> T asKeytabUser(PrivilegedExceptionAction<T> action) throws Exception {
        return keytabUser.doAs(action);
    }
}
