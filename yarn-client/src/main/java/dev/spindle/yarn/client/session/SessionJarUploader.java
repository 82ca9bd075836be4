package dev.spindle.yarn.client.session;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a job's user jar where the session's TaskExecutors load it from: the session's staging dir
 * ({@code usrlib/<content hash>-<name>}), so a resubmitted jar is not uploaded again and every jar
 * goes away with the session. Remote jars ({@code hdfs://...}) are referenced in place.
 */
public final class SessionJarUploader {

    private static final Logger LOG = LoggerFactory.getLogger(SessionJarUploader.class);

    private final FileSystem fs;
    private final Path stagingDir;

    public SessionJarUploader(FileSystem fs, Path stagingDir) {
        this.fs = fs;
        this.stagingDir = stagingDir;
    }

    /** What happened to the jar: where it is now and whether it was uploaded this time. */
    public record Staged(URI uri, boolean uploaded, long bytes) {
    }

    public Staged stage(URI jar) throws IOException {
        if (jar.getScheme() != null && !jar.getScheme().equals("file")) {
            return new Staged(jar, false, 0);
        }
        java.nio.file.Path local = java.nio.file.Path.of(jar);
        if (!Files.isRegularFile(local)) {
            throw new IllegalArgumentException("The program jar " + local + " does not exist or is not a file.");
        }
        Path target = new Path(new Path(stagingDir, "usrlib"), hash(local) + "-" + local.getFileName());
        long size = Files.size(local);
        if (fs.exists(target) && fs.getFileStatus(target).getLen() == size) {
            LOG.info("User jar {} already in the session as {}", local, target);
            return new Staged(fs.makeQualified(target).toUri(), false, size);
        }
        // Upload under a temporary name: a half-written jar must never be picked up by a job.
        Path tmp = new Path(target.getParent(), "." + target.getName() + "." + System.nanoTime() + ".tmp");
        fs.copyFromLocalFile(false, true, new Path(local.toUri()), tmp);
        fs.setPermission(tmp, new FsPermission((short) 0600));
        if (!fs.rename(tmp, target)) {
            fs.delete(tmp, false);
            if (!fs.exists(target)) {
                throw new IOException("Could not move the uploaded user jar to " + target);
            }
        }
        LOG.info("Uploaded user jar {} ({} bytes) to {}", local, size, target);
        return new Staged(fs.makeQualified(target).toUri(), true, size);
    }

    private static String hash(java.nio.file.Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
