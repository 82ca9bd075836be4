package dev.spindle.yarn.client.staging;

import java.io.FileNotFoundException;
import java.io.IOException;
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

    private final FileSystem fs;
    private final UserCacheDirectory userDir;
    private final CacheEntryCheck check;
    private final JarDigestMemo digests;
    /** The user's digest dirs as one listing found them; read once per cache, instead of asking per jar. */
    private Map<String, FileStatus> digestDirs;

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

    /** The cache of {@code user}, who must own every entry used; digests are remembered in this JVM only. */
    public FrameworkJarCache(FileSystem fs, org.apache.hadoop.fs.Path root, String user) {
        this(fs, root, user, JarDigestMemo.inMemory());
    }

    /** The cache of the current (Hadoop) user, remembering digests in {@code digests}. */
    public FrameworkJarCache(FileSystem fs, org.apache.hadoop.fs.Path root, JarDigestMemo digests) throws IOException {
        this(fs, root, UserGroupInformation.getCurrentUser().getShortUserName(), digests);
    }

    /** The cache of {@code user}, who must own every entry used, remembering digests in {@code digests}. */
    public FrameworkJarCache(FileSystem fs, org.apache.hadoop.fs.Path root, String user, JarDigestMemo digests) {
        this.fs = fs;
        this.userDir = new UserCacheDirectory(fs, fs.makeQualified(root), user);
        this.digests = digests;
        this.check = new CacheEntryCheck(fs, user, digests);
    }

    /** Keeps the digests computed so far for the next client (a no-op for a memo in memory). */
    public void saveDigests() {
        digests.save();
    }

    /** The dir holding this user's entries. */
    public org.apache.hadoop.fs.Path userDir() {
        return userDir.path();
    }

    public Entry ensure(Path jar) throws IOException {
        String sha256 = digests.localDigest(jar);
        long length = Files.size(jar);
        String name = sha256.substring(0, 24);
        org.apache.hadoop.fs.Path dir = userDir.ensureSubdir(name, digestDirs().get(name));
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir, jar.getFileName().toString());
        FileStatus existing = statusOrNull(target);
        if (existing != null) {
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

    /** The user's dir made sure of and listed, once: every digest dir's owner and mode come from that one call. */
    private synchronized Map<String, FileStatus> digestDirs() throws IOException {
        if (digestDirs == null) {
            Map<String, FileStatus> found = new ConcurrentHashMap<>();
            for (FileStatus s : fs.listStatus(userDir.ensure())) {
                found.put(s.getPath().getName(), s);
            }
            digestDirs = found;
        }
        return digestDirs;
    }

    private FileStatus statusOrNull(org.apache.hadoop.fs.Path path) throws IOException {
        try {
            return fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /** Content digest, remembered per file version so that repeated deployments from one JVM hash once. */
    static String digest(Path jar) throws IOException {
        return JarDigestMemo.inMemory().localDigest(jar);
    }
}
