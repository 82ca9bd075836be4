package dev.spindle.yarn.client.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarDigestMemoTest {

    private static String saved(JarDigestMemo memo, Path jar) throws IOException {
        String digest = memo.localDigest(jar);
        memo.save();
        return digest;
    }

    @TempDir
    Path tmp;

    private Path jar;
    private Path memoFile;
    private String expected;

    @BeforeEach
    void setUp() throws IOException {
        jar = tmp.resolve("lib/spindle-runtime.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "runtime classes " + System.nanoTime());
        memoFile = tmp.resolve("home/.spindle/jar-digests");
        try (InputStream in = Files.newInputStream(jar)) {
            expected = CacheEntryCheck.sha256(in);
        }
    }

    @Test
    void aDigestSavedByOneClientIsUsedByTheNextWithoutHashing() throws IOException {
        assertEquals(expected, saved(JarDigestMemo.loadedFrom(memoFile), jar));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(memoFile)));

        AtomicInteger reads = new AtomicInteger();
        JarDigestMemo next = JarDigestMemo.loadedFrom(memoFile);
        String remote = next.digestOf("hdfs://nn/cache/x.jar", 10, 20, () -> {
            reads.incrementAndGet();
            return expected;
        });
        next.save();
        assertEquals(expected, remote);
        assertEquals(1, reads.get());
        // the remote entry went to the file too; neither is read again by a third client
        JarDigestMemo third = JarDigestMemo.loadedFrom(memoFile);
        assertEquals(expected, third.digestOf("hdfs://nn/cache/x.jar", 10, 20, () -> {
            throw new AssertionError("hashed again although the memo knows this version");
        }));
        Files.writeString(jar, "other");
        assertFalse(expected.equals(third.localDigest(jar)), "a changed jar (new length and mtime) is hashed again");
    }

    @Test
    void aJarChangedInPlaceWithTheSameLengthIsHashedAgainThroughItsModificationTime() throws IOException {
        saved(JarDigestMemo.loadedFrom(memoFile), jar);
        String content = Files.readString(jar);
        Files.writeString(jar, "X".repeat(content.length()));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
        String changed;
        try (InputStream in = Files.newInputStream(jar)) {
            changed = CacheEntryCheck.sha256(in);
        }
        assertEquals(changed, JarDigestMemo.loadedFrom(memoFile).localDigest(jar));
    }

    @Test
    void aMemoFileOthersCanReadOrWriteIsIgnored() throws IOException {
        saved(JarDigestMemo.loadedFrom(memoFile), jar);
        // plant a wrong digest for the jar, then open the file up: it must not be believed
        String planted = "0".repeat(64);
        String text = Files.readString(memoFile).replace(expected, planted);
        Files.writeString(memoFile, text);
        assertEquals(planted, JarDigestMemo.loadedFrom(memoFile).localDigest(jar), "a private file is believed");
        Files.setPosixFilePermissions(memoFile, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertEquals(expected, JarDigestMemo.loadedFrom(memoFile).localDigest(jar));
    }

    @Test
    void tornOrEditedLinesAreSkipped() {
        assertTrue(JarDigestMemo.parse("# header").isEmpty());
        assertTrue(JarDigestMemo.parse("abc 1 2 file:/x.jar").isEmpty(), "not a SHA-256");
        assertTrue(JarDigestMemo.parse("0".repeat(64) + " 1 two file:/x.jar").isEmpty());
        assertTrue(JarDigestMemo.parse("0".repeat(64) + " 1 2").isEmpty(), "no location");
        assertEquals("1 2 file:/a b.jar", JarDigestMemo.parse("0".repeat(64) + " 1 2 file:/a b.jar").get()[1]);
    }
}
