package dev.spindle.yarn.client.staging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Framework jars kept on the cluster's file system across deployments, addressed by content:
 * {@code <root>/<sha256-prefix>/<jar name>}. A jar is uploaded the first time any deployment needs
 * it; later deployments reference the same file, so a repeated submission uploads only the user
 * jar and config. Files are never changed in place, so a concurrent upload of the same jar is
 * harmless (the loser of the rename uses the winner's file).
 */
public final class FrameworkJarCache {

    /** Name of the cache dir inside the staging root ({@code .spindle/cache}). */
    public static final String DIR_NAME = "cache";

    private static final FsPermission OWNER_ONLY = new FsPermission((short) 0700);
    private static final Map<String, String> DIGESTS = new ConcurrentHashMap<>();

    private final FileSystem fs;
    private final org.apache.hadoop.fs.Path root;

    /** A cached jar and whether this call had to upload it. */
    public record Entry(FileStatus status, boolean uploaded) {
    }

    public FrameworkJarCache(FileSystem fs, org.apache.hadoop.fs.Path root) {
        this.fs = fs;
        this.root = fs.makeQualified(root);
    }

    public Entry ensure(Path jar) throws IOException {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(root, digest(jar).substring(0, 24));
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir, jar.getFileName().toString());
        if (fs.exists(target)) {
            return new Entry(fs.getFileStatus(target), false);
        }
        if (!fs.exists(root)) {
            fs.mkdirs(root, OWNER_ONLY);
            fs.setPermission(root, OWNER_ONLY);
        }
        fs.mkdirs(dir);
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(dir, "." + jar.getFileName() + "." + System.nanoTime() + ".tmp");
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(jar.toUri()), tmp);
        boolean renamed;
        try {
            renamed = fs.rename(tmp, target);
        } catch (FileAlreadyExistsException e) {
            renamed = false;
        }
        if (!renamed) {
            fs.delete(tmp, false);
            return new Entry(fs.getFileStatus(target), false);
        }
        return new Entry(fs.getFileStatus(target), true);
    }

    /** Content digest, remembered per file version so that repeated deployments from one JVM hash once. */
    static String digest(Path jar) throws IOException {
        String key = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
        String cached = DIGESTS.get(key);
        if (cached != null) {
            return cached;
        }
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(jar)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        String hex = HexFormat.of().formatHex(md.digest());
        DIGESTS.put(key, hex);
        return hex;
    }
}
