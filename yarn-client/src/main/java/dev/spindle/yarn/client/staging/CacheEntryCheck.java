package dev.spindle.yarn.client.staging;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Whether a file found in the jar cache may be used in place of the local jar: it must be a file
 * owned by the caller, with the local jar's length and SHA-256. Anything else (a half-copied file,
 * one planted by another user while the cache was writable, bit rot) is not trusted: its classes
 * would run in the caller's containers.
 */
final class CacheEntryCheck {

    /** Remote digests already computed, by path, length and modification time: each version is read back once per JVM. */
    private static final Map<String, String> REMOTE_DIGESTS = new ConcurrentHashMap<>();

    private final FileSystem fs;
    private final String user;

    CacheEntryCheck(FileSystem fs, String user) {
        this.fs = fs;
        this.user = user;
    }

    /** Why {@code entry} must not be used for a jar of {@code length} bytes and digest {@code sha256}; empty when it may. */
    Optional<String> problem(FileStatus entry, long length, String sha256) throws IOException {
        if (!entry.isFile()) {
            return Optional.of("it is not a file");
        }
        if (!user.equals(entry.getOwner())) {
            return Optional.of("it is owned by '" + entry.getOwner() + "', not by '" + user + "'");
        }
        if (entry.getLen() != length) {
            return Optional.of("it has " + entry.getLen() + " bytes, the local jar " + length);
        }
        String remote = remoteDigest(entry);
        if (!remote.equals(sha256)) {
            return Optional.of("its SHA-256 is " + remote + ", the local jar's " + sha256);
        }
        return Optional.empty();
    }

    private String remoteDigest(FileStatus entry) throws IOException {
        String key = entry.getPath() + "|" + entry.getLen() + "|" + entry.getModificationTime();
        String known = REMOTE_DIGESTS.get(key);
        if (known != null) {
            return known;
        }
        String hex;
        try (InputStream in = fs.open(entry.getPath())) {
            hex = sha256(in);
        }
        REMOTE_DIGESTS.put(key, hex);
        return hex;
    }

    static String sha256(InputStream in) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
