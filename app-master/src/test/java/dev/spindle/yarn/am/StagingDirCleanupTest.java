package dev.spindle.yarn.am;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingDirCleanupTest {

    @TempDir
    Path tmp;

    @Test
    void removedAfterUnregisteringWhateverTheAttempt() throws Exception {
        Path dir = stagingDir();
        StagingDirCleanup cleanup = cleanup(dir);
        cleanup.setFinalAttempt(false);
        cleanup.afterEnd(true);
        assertFalse(Files.exists(dir));
    }

    @Test
    void keptForTheNextAttemptWhenNotUnregisteredAndNotFinal() throws Exception {
        Path dir = stagingDir();
        StagingDirCleanup cleanup = cleanup(dir);
        cleanup.setFinalAttempt(false);
        cleanup.afterEnd(false);
        assertTrue(Files.exists(dir), "attempt 2 localizes from it");
        assertTrue(cleanup.isDone(), "the shutdown hook does not remove it either");
    }

    @Test
    void removedWhenTheFinalAttemptEndsWithoutUnregistering() throws Exception {
        Path dir = stagingDir();
        StagingDirCleanup cleanup = cleanup(dir);
        cleanup.setFinalAttempt(true);
        cleanup.afterEnd(false);
        assertFalse(Files.exists(dir));
    }

    @Test
    void finalAttemptFromTheContainerId() {
        assertTrue(FinalAttempt.isFinal("container_1700000000000_0001_01_000001", 1));
        assertFalse(FinalAttempt.isFinal("container_1700000000000_0001_01_000001", 2));
        assertTrue(FinalAttempt.isFinal("container_1700000000000_0001_02_000001", 2));
        assertTrue(FinalAttempt.isFinal("container_e17_1700000000000_0001_03_000001", 2));
        assertTrue(FinalAttempt.isFinal(null, 2), "no container id: nothing could follow it");
    }

    private Path stagingDir() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(".spindle/application_1700000000000_0001/usrlib"));
        Files.writeString(dir.resolve("job.jar"), "jar");
        return dir.getParent();
    }

    private static StagingDirCleanup cleanup(Path dir) {
        return new StagingDirCleanup(new org.apache.hadoop.conf.Configuration(false), Optional.of(dir.toUri().toString()),
                "ApplicationMaster container_1700000000000_0001_01_000001");
    }
}
