package dev.spindle.runtime.security.tokens;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;

/**
 * Adds delegation tokens received from the ApplicationMaster to this process's current Hadoop
 * user, replacing tokens of the same service: file system and RPC clients pick them up on their
 * next connection.
 */
public final class UgiTokenReceiver {

    private UgiTokenReceiver() {
    }

    /** @return how many tokens were added */
    public static int addToCurrentUser(byte[] serializedCredentials) throws IOException {
        Credentials credentials = new Credentials();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serializedCredentials))) {
            credentials.readTokenStorageStream(in);
        }
        UserGroupInformation.getCurrentUser().addCredentials(credentials);
        return credentials.numberOfTokens();
    }
}
