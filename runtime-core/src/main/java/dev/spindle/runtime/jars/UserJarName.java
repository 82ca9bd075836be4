package dev.spindle.runtime.jars;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name a user jar is kept under in a session: {@code <first 16 hex digits of its SHA-256>-<file
 * name>}. The name stands for one content, so a jar already there under its name is not sent again.
 */
public record UserJarName(String value) {

    /** The file name part may be anything a file name can be, but no path. */
    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{16}-[^/\\\\\\p{Cntrl}]{1,255}");
    private static final int HASH_DIGITS = 16;

    public UserJarName {
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a user jar name: <16 hex digits of its SHA-256>-<file name>,"
                    + " without '/', '\\' or control characters");
        }
    }

    /** The name of a local jar, from its content. */
    public static UserJarName of(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            return new UserJarName(copy(in, OutputStream.nullOutputStream()).hash() + "-" + jar.getFileName());
        }
    }

    /** The hash part of the name. */
    public String contentHash() {
        return value.substring(0, HASH_DIGITS);
    }

    /** What {@link #copy} copied: the hash a name gives to it, and how many bytes it was. */
    public record Copied(String hash, long bytes) {
    }

    /** Copies {@code in} to {@code out}, hashing what passes as a name's hash part. */
    public static Copied copy(InputStream in, OutputStream out) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        long bytes = new DigestInputStream(in, sha).transferTo(out);
        return new Copied(HexFormat.of().formatHex(sha.digest()).substring(0, HASH_DIGITS), bytes);
    }

    @Override
    public String toString() {
        return value;
    }
}
