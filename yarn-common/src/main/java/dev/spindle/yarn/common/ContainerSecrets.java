package dev.spindle.yarn.common;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.security.UserGroupInformation;

import dev.spindle.runtime.security.ClusterSecret;

/**
 * The cluster secret travels in container credentials only (never env, args or config): put in by
 * whoever launches a container, read back by the process inside it.
 */
public final class ContainerSecrets {

    private ContainerSecrets() {
    }

    public static void addTo(Credentials credentials, ClusterSecret secret) {
        credentials.addSecretKey(new Text(ClusterSecret.CREDENTIALS_ALIAS), secret.toBytes());
    }

    /** The credentials in the form a ContainerLaunchContext takes. */
    public static ByteBuffer serialize(Credentials credentials) throws IOException {
        DataOutputBuffer out = new DataOutputBuffer();
        credentials.writeTokenStorageToStream(out);
        return ByteBuffer.wrap(out.getData(), 0, out.getLength());
    }

    /** Reads the secret from the credentials the NodeManager gave this container's process. */
    public static ClusterSecret readFromCurrentUser() throws IOException {
        return read(UserGroupInformation.getCurrentUser().getCredentials());
    }

    public static ClusterSecret read(Credentials credentials) {
        byte[] bytes = credentials.getSecretKey(new Text(ClusterSecret.CREDENTIALS_ALIAS));
        if (bytes == null) {
            throw new IllegalStateException("no cluster secret in this container's credentials (alias "
                    + ClusterSecret.CREDENTIALS_ALIAS + "); was the container launched by Spindle?");
        }
        return ClusterSecret.fromBytes(bytes);
    }
}
