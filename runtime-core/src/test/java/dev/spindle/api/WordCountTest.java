package dev.spindle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.tuple.Tuple2;
import dev.spindle.configuration.Configuration;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.runtime.streamtask.harness.LocalJobRunner;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A whole WordCount program at parallelism 4 on the in-memory harness, checked against a single-threaded count. */
@Timeout(60)
class WordCountTest {

    @TempDir
    Path tmp;

    @AfterEach
    void uninstall() {
        ExecutionContext.uninstall();
    }

    static final String[] VOCABULARY = {"alpha", "beta", "gamma", "delta", "épée", "straße", "x", "yarn", "spindle", "flink",
        "hadoop", "the", "a", "of", "and", "to", "in", "is", "it", "that"};

    /** Writes a corpus of about {@code words} words over several files (plus files that must be ignored). */
    static Map<String, Long> writeCorpus(Path dir, int words, long seed) throws IOException {
        Random random = new Random(seed);
        Files.createDirectories(dir);
        StringBuilder[] files = new StringBuilder[3];
        for (int f = 0; f < files.length; f++) {
            files[f] = new StringBuilder();
        }
        for (int i = 0; i < words; i++) {
            StringBuilder sb = files[random.nextInt(files.length)];
            String w = random.nextInt(10) == 0 ? "w" + random.nextInt(5000) : VOCABULARY[random.nextInt(VOCABULARY.length)];
            if (random.nextBoolean()) {
                w = w.toUpperCase(Locale.ROOT);
            }
            sb.append(w);
            int sep = random.nextInt(12);
            sb.append(sep == 0 ? "\n" : sep == 1 ? ", " : sep == 2 ? "\r\n" : sep == 3 ? "  -- " : " ");
        }
        for (int f = 0; f < files.length; f++) {
            try (Writer w = Files.newBufferedWriter(dir.resolve("part-" + f + ".txt"), StandardCharsets.UTF_8)) {
                w.write(files[f].toString());
            }
        }
        // Hidden files must not be read.
        Files.writeString(dir.resolve(".hidden"), "hidden hidden hidden\n");
        Files.writeString(dir.resolve("_SUCCESS"), "marker marker\n");
        Map<String, Long> expected = new HashMap<>();
        for (StringBuilder sb : files) {
            for (String line : sb.toString().split("\n")) {
                for (String token : tokenize(line)) {
                    expected.merge(token, 1L, Long::sum);
                }
            }
        }
        return expected;
    }

    static List<String> tokenize(String line) {
        return Stream.of(line.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void wordCountAtParallelism4MatchesSingleThreadedCount() throws Exception {
        Path input = tmp.resolve("in");
        Map<String, Long> expected = writeCorpus(input, 300_000, 42);
        Path output = tmp.resolve("out");
        ExecutionContext.install(new ExecutionContext(new LocalJobRunner(), new Configuration(), null));

        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(4);
        env.readTextFile("file://" + input)
                .flatMap((String line, dev.spindle.api.functions.Collector<Tuple2<String, Long>> out) -> {
                    for (String token : tokenize(line)) {
                        out.collect(Tuple2.of(token, 1L));
                    }
                })
                .keyBy(t -> t.f0)
                .sum(1)
                .map(t -> t.f0 + "\t" + t.f1)
                .writeAsText("file://" + output);
        JobExecutionResult result = env.execute("WordCount");

        Map<String, Long> actual = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            Path part = output.resolve("part-" + i);
            assertTrue(Files.exists(part), "missing " + part);
            for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                String[] kv = line.split("\t");
                assertFalse(actual.containsKey(kv[0]), "word emitted twice (BATCH mode emits final counts only): " + kv[0]);
                actual.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        try (Stream<Path> files = Files.list(output)) {
            assertEquals(List.of("part-0", "part-1", "part-2", "part-3"),
                    files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList(),
                    "only committed part files remain, no temporary files");
        }
        assertEquals(expected, actual);
        assertTrue(expected.values().stream().mapToLong(Long::longValue).sum() > 250_000);
        assertTrue(result.getNetRuntime() >= 0);
    }
}
