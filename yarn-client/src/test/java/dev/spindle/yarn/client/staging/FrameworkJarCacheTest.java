package dev.spindle.yarn.client.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar cache against the local file system standing in for HDFS, with real POSIX permissions. */
class FrameworkJarCacheTest {

    private static final String ME = System.getProperty("user.name");

    @TempDir
    Path tmp;

    private FileSystem fs;
    private Path jar;
    private Path root;

    @BeforeEach
    void setUp() throws Exception {
        fs = FileSystem.getLocal(new Configuration()).getRawFileSystem();
        jar = tmp.resolve("local/spindle-runtime.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "runtime classes " + System.nanoTime());
        root = tmp.resolve("remote/.spindle/cache");
    }

    private FrameworkJarCache cache() {
        return new FrameworkJarCache(fs, new org.apache.hadoop.fs.Path(root.toUri()), ME);
    }

    private Path entryPath() throws IOException {
        return root.resolve(ME).resolve(FrameworkJarCache.digest(jar).substring(0, 24)).resolve(jar.getFileName());
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void entriesLiveInAnOwnerOnlyDirPerUserUnderAStickySharedRoot() throws Exception {
        assertTrue(cache().ensure(jar).uploaded());
        assertFalse(cache().ensure(jar).uploaded(), "a verified entry is reused");

        // sticky and writable by all, like /tmp: every user can add a dir, nobody can remove another's
        assertEquals(01777, (int) Files.getAttribute(root, "unix:mode") & 07777);
        assertEquals("rwx------", mode(root.resolve(ME)));
        assertEquals("rwx------", mode(entryPath().getParent()));
        assertEquals(Files.readString(jar), Files.readString(entryPath()));
    }

    @Test
    void aPlantedEntryWithTheRightLengthButOtherContentIsReplacedNotUsed() throws Exception {
        cache().ensure(jar);
        String original = Files.readString(jar);
        // same length, other bytes: only the digest tells them apart
        Files.writeString(entryPath(), "X".repeat(original.length()));

        FrameworkJarCache.Entry entry = cache().ensure(jar);
        assertTrue(entry.uploaded(), "the bad entry was uploaded again");
        assertEquals(original, Files.readString(entryPath()));
        assertFalse(cache().ensure(jar).uploaded(), "the replacement is trusted");
    }

    @Test
    void anEntryOfTheWrongLengthIsReplaced() throws Exception {
        cache().ensure(jar);
        Files.writeString(entryPath(), "truncated");

        assertTrue(cache().ensure(jar).uploaded());
        assertEquals(Files.readString(jar), Files.readString(entryPath()));
    }

    @Test
    void aWorldWritableDigestDirIsReplacedWithAnOwnerOnlyOne() throws Exception {
        Path entry = entryPath();
        Files.createDirectories(entry.getParent());
        Files.setPosixFilePermissions(entry.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
        // Even a byte-identical jar in a dir anyone could write is not trusted.
        Files.copy(jar, entry);

        assertTrue(cache().ensure(jar).uploaded());
        assertEquals("rwx------", mode(entry.getParent()));
        assertEquals(Files.readString(jar), Files.readString(entry));
    }

    @Test
    void anEntryOwnedBySomeoneElseIsReplaced() throws Exception {
        assumeTrue("root".equals(ME), "changing a file's owner needs root");
        cache().ensure(jar);
        fs.setOwner(new org.apache.hadoop.fs.Path(entryPath().toUri()), "nobody", null);

        assertTrue(cache().ensure(jar).uploaded());
        assertEquals(ME, Files.getOwner(entryPath()).getName());
    }

    @Test
    void aUserDirOwnedBySomeoneElseIsRefused() throws Exception {
        // The dir is created by this process's user; a caller with another name must not use it.
        cache().ensure(jar);
        Files.move(root.resolve(ME), root.resolve("spindle-test-other-user"));
        FrameworkJarCache other = new FrameworkJarCache(fs, new org.apache.hadoop.fs.Path(root.toUri()), "spindle-test-other-user");

        IOException e = assertThrows(IOException.class, () -> other.ensure(jar));
        assertTrue(e.getMessage().contains("owned by '" + ME + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("not by 'spindle-test-other-user'"), e.getMessage());
    }
}
