package dev.spindle.yarn.client.staging;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Whether a file found in the jar cache may be used in place of the local jar: it must be a file
 * owned by the caller, with the local jar's length and SHA-256. Anything else (a half-copied file,
 * one planted by another user while the cache was writable, bit rot) is not trusted: its classes
 * would run in the caller's containers.
 */
final class CacheEntryCheck {

    private final FileSystem fs;
    private final String user;
    /** Remote digests already computed, by path, length and modification time: each version is read back once. */
    private final JarDigestMemo digests;

    CacheEntryCheck(FileSystem fs, String user, JarDigestMemo digests) {
        this.fs = fs;
        this.user = user;
        this.digests = digests;
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
        return digests.digestOf(entry.getPath().toString(), entry.getLen(), entry.getModificationTime(), () -> {
            try (InputStream in = fs.open(entry.getPath())) {
                return sha256(in);
            }
        });
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
