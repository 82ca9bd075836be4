package dev.spindle.yarn.common;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.hadoop.conf.Configuration;
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

    /**
     * Reads the secret from the token file the NodeManager wrote for this container, the file the
     * current user's credentials are loaded from too, without logging in a Hadoop user first: that
     * login (Hadoop configuration, groups, native code probing) costs half a second of a cold JVM
     * that a TaskExecutor's start does not otherwise wait for. Outside a container (no token file
     * named), the current user's credentials.
     */
    public static ClusterSecret readFromContainerTokens() throws IOException {
        String file = System.getenv(UserGroupInformation.HADOOP_TOKEN_FILE_LOCATION);
        if (file == null || file.isBlank()) {
            return readFromCurrentUser();
        }
        return readFromTokenFile(new File(file));
    }

    /** Reads the secret from a token file as the NodeManager writes it. */
    static ClusterSecret readFromTokenFile(File file) throws IOException {
        // The configuration is not read from: no default resources to load.
        return read(Credentials.readTokenStorageFile(file, new Configuration(false)));
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
