package dev.spindle.runtime.operators.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every line is read exactly once, whatever the split boundaries. */
class LineSplitReaderTest {

    @TempDir
    Path tmp;

    private static List<String> readAll(FileSystem fs, List<FileStatus> files, int readers, long minSplit) throws Exception {
        FileSplitPlanner planner = new FileSplitPlanner(minSplit);
        List<FileSplit> splits = planner.plan(files, readers);
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            for (FileSplit split : FileSplitPlanner.assigned(splits, r, readers)) {
                try (LineSplitReader reader = new LineSplitReader(fs.open(split.path()), split.start(), split.end())) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        lines.add(line);
                    }
                }
            }
        }
        return lines;
    }

    @Test
    void everyLineOnceForAllSplitSizes() throws Exception {
        Random random = new Random(7);
        StringBuilder content = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int kind = random.nextInt(6);
            String line = kind == 0 ? "" : kind == 1 ? "ünïcödé-" + i + "-日本" : "line " + i + " " + "z".repeat(random.nextInt(200));
            expected.add(line);
            content.append(line).append(random.nextInt(4) == 0 ? "\r\n" : "\n");
        }
        String last = "no newline at the end";
        expected.add(last);
        content.append(last);
        Path file = tmp.resolve("data.txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        FileSystem fs = FileSystem.getLocal(new Configuration());
        List<FileStatus> files = new FileSplitPlanner(1).listFiles(fs, new org.apache.hadoop.fs.Path(file.toUri()));
        for (int readers : new int[] {1, 2, 3, 7, 64, 1000}) {
            List<String> lines = readAll(fs, files, readers, 1);
            List<String> sortedActual = new ArrayList<>(lines);
            List<String> sortedExpected = new ArrayList<>(expected);
            sortedActual.sort(null);
            sortedExpected.sort(null);
            assertEquals(sortedExpected, sortedActual, "readers=" + readers);
        }
        // With a single split per reader in order, the line order is kept.
        assertEquals(expected, readAll(fs, files, 1, 1));
    }

    @Test
    void splitStartingRightAfterANewlineKeepsItsFirstLine() throws Exception {
        Path file = tmp.resolve("exact.txt");
        Files.writeString(file, "aaaa\nbbbb\ncccc\n");
        FileSystem fs = FileSystem.getLocal(new Configuration());
        List<FileStatus> files = new FileSplitPlanner(1).listFiles(fs, new org.apache.hadoop.fs.Path(file.toUri()));
        // 15 bytes over 3 readers: splits [0,5) [5,10) [10,15) start exactly at line starts.
        assertEquals(List.of("aaaa", "bbbb", "cccc"), readAll(fs, files, 3, 1));
    }

    @Test
    void directoriesSkipHiddenFilesAndMissingPathsAreNamed() throws Exception {
        Files.writeString(tmp.resolve("a.txt"), "1\n2\n");
        Files.createDirectories(tmp.resolve("sub"));
        Files.writeString(tmp.resolve("sub/b.txt"), "3\n");
        Files.writeString(tmp.resolve(".a.txt.crc"), "x\n");
        Files.writeString(tmp.resolve("_temporary"), "y\n");
        FileSystem fs = FileSystem.getLocal(new Configuration());
        List<FileStatus> files = new FileSplitPlanner(1).listFiles(fs, new org.apache.hadoop.fs.Path(tmp.toUri()));
        List<String> lines = readAll(fs, files, 2, 1);
        lines.sort(null);
        assertEquals(Arrays.asList("1", "2", "3"), lines);

        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> new FileSplitPlanner(1).listFiles(fs, new org.apache.hadoop.fs.Path(tmp.resolve("missing").toUri())));
        assertTrue(e.getMessage().contains("missing") && e.getMessage().contains("does not exist"), e.getMessage());
    }
}
