package dev.spindle.yarn.client.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;

import dev.spindle.runtime.security.ClusterSecret;

/**
 * The application's secret kept in its owner-only staging dir, for clients that attach with
 * {@code -id} without the properties file (another shell, another machine). The AM's container
 * credentials are not readable by a client, and the application report is public, so the 0700
 * staging dir of the owner is the one place YARN-side that only the owner (and HDFS admins) can
 * read. The file goes with the staging dir when the application ends.
 */
public final class SessionSecretFile {

    static final String FILE_NAME = "cluster.secret";
    private static final FsPermission OWNER_ONLY = new FsPermission((short) 0600);

    private SessionSecretFile() {
    }

    public static Path in(Path stagingDir) {
        return new Path(stagingDir, FILE_NAME);
    }

    public static void write(FileSystem fs, Path stagingDir, ClusterSecret secret) throws IOException {
        Path file = in(stagingDir);
        try (OutputStream out = FileSystem.create(fs, file, OWNER_ONLY)) {
            out.write(secret.toBase64().getBytes(StandardCharsets.US_ASCII));
        }
        // create() applies the umask on top; make sure it is exactly owner-only.
        fs.setPermission(file, OWNER_ONLY);
    }

    public static ClusterSecret read(FileSystem fs, Path stagingDir) throws IOException {
        try (InputStream in = fs.open(in(stagingDir))) {
            return ClusterSecret.fromBase64(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }
}
