package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Reads what the WordCount example wrote: {@code word<TAB>count} lines in the part files of a directory. */
final class WordCountOutput {

    private WordCountOutput() {
    }

    /** The counts of all part files; fails when a word appears twice (HASH partitioning sends each word to one sink). */
    static Map<String, Long> readCounts(FileSystem fs, String dir) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        for (FileStatus part : fs.listStatus(new Path(dir))) {
            if (!part.getPath().getName().startsWith("part-")) {
                continue;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(part.getPath()), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] kv = line.split("\t");
                    assertNull(counts.put(kv[0], Long.parseLong(kv[1])), "each word once: " + kv[0]);
                }
            }
        }
        return counts;
    }
}
