package dev.spindle.yarn.client.staging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Framework jars kept on the cluster's file system across deployments, addressed by content and
 * kept apart per user: {@code <root>/<user>/<sha256-prefix>/<jar name>}, 0700 throughout (see
 * {@link UserCacheDirectory}), so users sharing a staging root neither lock each other out nor run
 * each other's jars. A jar is uploaded the first time any of the user's deployments needs it;
 * later deployments reference the same file, once {@link CacheEntryCheck} found it to be the jar
 * (owner, length, digest): a repeated submission uploads only the user jar and config. A file that
 * fails the check is replaced, never used. Files are never changed in place, so a concurrent upload
 * of the same jar is harmless (the loser of the rename uses the winner's file, checked the same way).
 */
public final class FrameworkJarCache {

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkJarCache.class);

    /** Name of the cache dir inside the staging root ({@code .spindle/cache}). */
    public static final String DIR_NAME = "cache";

    private static final Map<String, String> DIGESTS = new ConcurrentHashMap<>();

    private final FileSystem fs;
    private final UserCacheDirectory userDir;
    private final CacheEntryCheck check;

    /** A cached jar and whether this call had to upload it. */
    public record Entry(FileStatus status, boolean uploaded) {
    }

    /** Uploads go to a hidden file with this suffix and are renamed into place when complete. */
    private static final String UPLOAD_SUFFIX = ".tmp";

    /** Whether {@code fileName} is an upload not (yet) renamed into place: in progress, or left by a killed client. */
    static boolean isUploadInProgressName(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(UPLOAD_SUFFIX);
    }

    /** The cache of the current (Hadoop) user under {@code root}. */
    public FrameworkJarCache(FileSystem fs, org.apache.hadoop.fs.Path root) throws IOException {
        this(fs, root, UserGroupInformation.getCurrentUser().getShortUserName());
    }

    /** The cache of {@code user}, who must own every entry used. */
    public FrameworkJarCache(FileSystem fs, org.apache.hadoop.fs.Path root, String user) {
        this.fs = fs;
        this.userDir = new UserCacheDirectory(fs, fs.makeQualified(root), user);
        this.check = new CacheEntryCheck(fs, user);
    }

    /** The dir holding this user's entries. */
    public org.apache.hadoop.fs.Path userDir() {
        return userDir.path();
    }

    public Entry ensure(Path jar) throws IOException {
        String sha256 = digest(jar);
        long length = Files.size(jar);
        org.apache.hadoop.fs.Path dir = userDir.ensureSubdir(sha256.substring(0, 24));
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir, jar.getFileName().toString());
        if (fs.exists(target)) {
            FileStatus existing = fs.getFileStatus(target);
            Optional<String> problem = check.problem(existing, length, sha256);
            if (problem.isEmpty()) {
                return new Entry(existing, false);
            }
            // Logged once: the replacement passes the check on the next deployment.
            LOG.warn("Not using the cached jar {}: {}; uploading {} again", target, problem.get(), jar);
            fs.delete(target, true);
        }
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(dir, "." + jar.getFileName() + "." + System.nanoTime() + UPLOAD_SUFFIX);
        fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(jar.toUri()), tmp);
        boolean renamed;
        try {
            renamed = fs.rename(tmp, target);
        } catch (FileAlreadyExistsException e) {
            renamed = false;
        }
        if (!renamed) {
            fs.delete(tmp, false);
            FileStatus winner = fs.getFileStatus(target);
            Optional<String> problem = check.problem(winner, length, sha256);
            if (problem.isPresent()) {
                throw new IOException("The jar cache entry " + target + " appeared while " + jar + " was uploaded and "
                        + problem.get() + "; not using it. Deploy again to replace it.");
            }
            return new Entry(winner, false);
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
        String hex;
        try (InputStream in = Files.newInputStream(jar)) {
            hex = CacheEntryCheck.sha256(in);
        }
        DIGESTS.put(key, hex);
        return hex;
    }
}
