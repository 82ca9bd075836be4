package dev.spindle.yarn.common.security;

import java.io.IOException;

import org.apache.hadoop.security.Credentials;

/** Gets delegation tokens of one kind of service for the current (Kerberos-authenticated) user. */
public interface DelegationTokenObtainer {

    /** What the tokens are for, for log lines and error messages. */
    String serviceName();

    /**
     * Adds fresh tokens to {@code credentials}, under their service as alias.
     *
     * @param renewer who may renew them (the YARN RM for tokens it renews, the AM's own principal for tokens the AM renews)
     */
    void obtain(Credentials credentials, String renewer) throws IOException;
}
