package dev.spindle.yarn.client.localcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalClusterStateTest {

    @TempDir
    Path dir;

    private final LocalClusterState state = new LocalClusterState(ProcessHandle.current().pid(), Path.of("/conf"),
            Path.of("/base"), "hdfs://localhost:1", "localhost:2", "http://localhost:3");

    @Test
    void isWrittenOwnerOnlyInAnOwnerOnlyHome() throws Exception {
        Path home = dir.resolve("home");
        state.write(home);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(LocalClusterState.stateFile(home))));
        assertEquals(state, LocalClusterState.read(home).orElseThrow());
        try (var files = Files.list(home)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aPlantedGroupWritableFileIsRefusedRatherThanItsPidSignalled() throws Exception {
        state.write(dir);
        Files.setPosixFilePermissions(LocalClusterState.stateFile(dir), PosixFilePermissions.fromString("rw-rw-r--"));

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> LocalClusterState.readLive(dir));
        assertTrue(e.getMessage().contains(LocalClusterState.stateFile(dir).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("rw-rw-r--"), e.getMessage());
    }

    @Test
    void aFileOwnedBySomeoneElseIsRefused() throws Exception {
        state.write(dir);

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> LocalClusterState.read(dir, "spindle-test-other-user"));
        assertTrue(e.getMessage().contains("owned by '" + System.getProperty("user.name") + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("must be owned by 'spindle-test-other-user'"), e.getMessage());
    }
}
