package dev.spindle.yarn.client.staging;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;

import dev.spindle.runtime.security.ClusterSecret;

/**
 * The application's secret and certificate, kept owner-only (0600 in the 0700 staging dir) on the cluster's file
 * system so that a later client of the same user ({@code list/info/cancel -id <appId>}) can talk to
 * the application. It is never localized into containers (they get it from their credentials) and
 * goes away with the staging dir when the application ends.
 */
public final class ClusterSecretFile {

    /** File name in the staging dir. */
    public static final String FILE_NAME = "cluster.secret";

    private static final FsPermission OWNER_READ_WRITE = new FsPermission((short) 0600);

    private ClusterSecretFile() {
    }

    /** Where the secret of the application staged in {@code stagingDir} is kept. */
    public static Path in(Path stagingDir) {
        return new Path(stagingDir, FILE_NAME);
    }

    public static void write(FileSystem fs, Path stagingDir, ClusterSecret secret) throws IOException {
        Path file = in(stagingDir);
        try (OutputStream out = fs.create(file, OWNER_READ_WRITE, true, 4096, fs.getDefaultReplication(file),
                fs.getDefaultBlockSize(file), null)) {
            // The secret and the certificate clients pin, one per line; never the private key.
            out.write((secret.toBase64() + "\n" + secret.certificateBase64() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        // create() applies the umask; make sure it is owner-only whatever the umask is.
        fs.setPermission(file, OWNER_READ_WRITE);
    }

    /** The secret, or null when the staging dir holds none (the application ended and took it away). */
    public static ClusterSecret read(FileSystem fs, Path stagingDir) throws IOException {
        try (InputStream in = fs.open(in(stagingDir))) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
            if (lines.length != 2) {
                throw new IOException(in(stagingDir) + " holds no certificate (written by a Spindle client without TLS?)");
            }
            return ClusterSecret.forClient(lines[0], lines[1]);
        } catch (FileNotFoundException e) {
            return null;
        }
    }
}
