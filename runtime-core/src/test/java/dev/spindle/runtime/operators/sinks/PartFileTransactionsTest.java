package dev.spindle.runtime.operators.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartFileTransactionsTest {

    @TempDir
    Path dir;

    private PartFileTransactions sink(int subtask) throws IOException {
        org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(dir.toUri());
        return new PartFileTransactions(FileSystem.get(out.toUri(), new Configuration()), out, subtask);
    }

    /** What a reader sees: the lines of the visible (committed) files. */
    private List<String> visible() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".") && !name.startsWith("_")) {
                    lines.addAll(Files.readAllLines(f));
                }
            }
        }
        return lines;
    }

    @Test
    void recordsBecomeVisibleOnlyWhenTheCheckpointCoveringThemCompletes() throws Exception {
        PartFileTransactions s = sink(0);
        s.startFresh(true);
        s.write("a");
        s.snapshot(1);
        s.write("b");
        assertEquals(List.of(), visible());
        s.snapshot(2);
        s.commitUpTo(1);
        assertEquals(List.of("a"), visible());
        s.commitUpTo(2);
        assertEquals(List.of("a", "b"), visible());
    }

    @Test
    void aRestoreCommitsThePendingFilesOfItsCheckpointAndDiscardsEverythingLater() throws Exception {
        PartFileTransactions s = sink(0);
        s.startFresh(true);
        s.write("a");
        List<Long> state = s.snapshot(1);     // checkpoint 1 completes, but the notification is lost
        s.write("b");                         // after the checkpoint: must disappear
        s.snapshot(2);                        // checkpoint 2 never completes
        s.write("c");
        s.abort();

        PartFileTransactions restored = sink(0);
        restored.restore(state);
        assertEquals(List.of("a"), visible());
        restored.write("b");
        restored.write("c");
        restored.finish(1);
        assertEquals(List.of("a", "b", "c"), visible());
        assertTrue(Files.exists(dir.resolve("_SUCCESS")));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".pending") || f.getFileName().toString().endsWith(".inprogress")));
        }
    }

    @Test
    void outputCommittedAtTheEndButNotCoveredByTheRestoredCheckpointIsDiscarded() throws Exception {
        PartFileTransactions s = sink(0);
        s.startFresh(true);
        s.write("a");
        List<Long> state = s.snapshot(1);
        s.commitUpTo(1);
        s.write("b");
        s.finish(2);                          // subtask 0 ended, but subtask 1 fails: the job restores checkpoint 1
        assertEquals(List.of("a", "b"), visible());

        PartFileTransactions restored = sink(0);
        restored.restore(state);
        assertEquals(List.of("a"), visible());
        assertFalse(Files.exists(dir.resolve("_SUCCESS")));
    }

    @Test
    void successIsWrittenOnlyWhenEverySubtaskFinished() throws Exception {
        PartFileTransactions s0 = sink(0);
        PartFileTransactions s1 = sink(1);
        s0.startFresh(true);
        s1.startFresh(true);
        s0.write("x");
        s1.write("y");
        s0.finish(2);
        assertFalse(Files.exists(dir.resolve("_SUCCESS")));
        s1.finish(2);
        assertTrue(Files.exists(dir.resolve("_SUCCESS")));
        assertEquals(List.of("x", "y"), visible());
    }
}
