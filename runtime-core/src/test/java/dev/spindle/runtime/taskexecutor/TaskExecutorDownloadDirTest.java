package dev.spindle.runtime.taskexecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.IoOptions;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.security.ClusterSecret;

/** User jars are downloaded into a fresh owner-only dir inside the dir the launcher names, gone on close. */
class TaskExecutorDownloadDirTest {

    @TempDir
    Path dir;

    @Test
    void downloadsGoIntoAFreshOwnerOnlyDirInsideTheContainerDirAndAreRemovedOnClose() throws Exception {
        Path container = Files.createDirectory(dir.resolve("container_1_0001_01_000002"));
        // a dir with the old predictable name, as another user could have pre-created it
        Path planted = Files.createDirectory(dir.resolve("spindle-te-container_1_0001_01_000002"));
        TaskExecutor te = new TaskExecutor(new Configuration(), new ResourceID("container_1_0001_01_000002"), "127.0.0.1",
                freePort(), ClusterSecret.generate(), "127.0.0.1", container);
        List<Path> inside = list(container);
        assertEquals(1, inside.size(), inside.toString());
        Path download = inside.get(0);
        assertTrue(download.getFileName().toString().startsWith("spindle-te-"), download.toString());
        assertNotEquals(planted, download);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(download)));

        te.close();
        assertEquals(List.of(), list(container));
    }

    @Test
    void ioTmpDirsStillWinsWhenSet() throws Exception {
        Path container = Files.createDirectory(dir.resolve("container"));
        Path tmp = Files.createDirectory(dir.resolve("io-tmp"));
        Configuration conf = new Configuration();
        conf.set(IoOptions.TMP_DIRS, tmp.toString());
        try (TaskExecutor te = new TaskExecutor(conf, new ResourceID("te"), "127.0.0.1", freePort(), ClusterSecret.generate(),
                "127.0.0.1", container)) {
            assertEquals(List.of(), list(container));
            assertEquals(1, list(tmp).size());
        }
        assertEquals(List.of(), list(tmp));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
