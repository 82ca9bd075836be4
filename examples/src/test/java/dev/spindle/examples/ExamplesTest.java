package dev.spindle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobClient;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.configuration.Configuration;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.streamtask.harness.LocalJobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example programs' main() on the in-memory harness of runtime-core's tests. */
@Timeout(60)
class ExamplesTest {

    @TempDir
    Path tmp;

    private final AtomicReference<JobGraph> submitted = new AtomicReference<>();

    private void installHarness() {
        LocalJobRunner runner = new LocalJobRunner();
        ExecutionContext.install(new ExecutionContext((pipeline, conf, cl) -> {
            JobClient client = runner.execute(pipeline, conf, cl);
            submitted.set(runner.lastJob().jobGraph());
            return client;
        }, new Configuration(), null));
    }

    @AfterEach
    void uninstall() {
        ExecutionContext.uninstall();
    }

    private static Map<String, String> readParts(Path dir) throws Exception {
        Map<String, String> lines = new HashMap<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(p)) {
                    String[] kv = line.split("\t", 2);
                    assertEquals(null, lines.put(kv[0], kv[1]), "each key once: " + kv[0]);
                }
            }
        }
        return lines;
    }

    private static List<String[]> partLines(Path dir) throws Exception {
        List<String[]> lines = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(p)) {
                    lines.add(line.split("\t"));
                }
            }
        }
        return lines;
    }

    @Test
    void eventTimeWindowCountAccountsForEveryClickOnceInAWindowOrAsLate() throws Exception {
        installHarness();
        Path out = tmp.resolve("clicks");
        long count = 20_000;
        EventTimeWindowCount.main(new String[] {"--count", String.valueOf(count), "--users", "5", "--output", out.toString(),
                "--parallelism", "2"});
        // a window's last (largest) count plus its clicks that came too late is all its clicks
        Map<String, Long> counted = new HashMap<>();
        for (String[] f : partLines(out.resolve("counts"))) {
            counted.merge(f[0] + "/" + f[1], Long.parseLong(f[3]), Math::max);
        }
        List<String[]> late = partLines(out.resolve("late"));
        for (String[] f : late) {
            counted.merge(f[0] + "/" + (Long.parseLong(f[1]) / 10_000 * 10_000), 1L, Long::sum);
        }
        Map<String, Long> expected = new HashMap<>();
        for (long i = 0; i < count; i++) {
            Tuple2<String, Long> c = EventTimeWindowCount.click(i, 5);
            expected.merge(c.f0 + "/" + (c.f1 / 10_000 * 10_000), 1L, Long::sum);
        }
        // Which clicks end up late depends on when the periodic watermark is emitted relative to the
        // generator's pace (timing, not data), so only the accounting is asserted here; the exact late
        // output is asserted by the runtime's window tests, whose watermarks follow the data.
        assertEquals(expected, counted);
    }

    @Test
    void sessionWindowsSplitEachUsersViewsAtPausesLongerThanTheGap() throws Exception {
        installHarness();
        Path out = tmp.resolve("sessions");
        long count = 5_000;
        SessionWindows.main(new String[] {"--count", String.valueOf(count), "--users", "4", "--gap", "30", "--output", out.toString(),
                "--parallelism", "2"});
        Map<String, List<Long>> times = new HashMap<>();
        for (long i = 0; i < count; i++) {
            Tuple2<String, Long> v = SessionWindows.view(i, 4);
            times.computeIfAbsent(v.f0, k -> new ArrayList<>()).add(v.f1);
        }
        List<String> expected = new ArrayList<>();
        times.forEach((user, ts) -> {
            ts.sort(null);
            long start = ts.get(0);
            long end = start + 30_000;
            long n = 0;
            for (long t : ts) {
                if (t > end) {
                    expected.add(user + "\t" + start + "\t" + end + "\t" + n);
                    start = t;
                    n = 0;
                }
                end = Math.max(end, t + 30_000);
                n++;
            }
            expected.add(user + "\t" + start + "\t" + end + "\t" + n);
        });
        List<String> actual = new ArrayList<>();
        for (String[] f : partLines(out)) {
            actual.add(String.join("\t", f));
        }
        expected.sort(null);
        actual.sort(null);
        assertEquals(expected, actual);
    }

    @Test
    void wordCountCountsFilesInParallel() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("a.txt"), "Hello, hello WORLD!\nworld: spindle's world\n");
        Files.writeString(in.resolve("b.txt"), "über Über yarn-yarn 42\n");
        Path out = tmp.resolve("out");
        installHarness();
        WordCount.main(new String[] {"--input", "file://" + in, "--output", "file://" + out, "--parallelism", "2"});
        assertEquals(Map.of("hello", "2", "world", "3", "spindle", "1", "s", "1", "über", "2", "yarn", "2"), readParts(out));
        List<String> vertices = submitted.get().getVertices().stream().map(JobVertex::getName).toList();
        assertEquals(List.of("Source: Text File file://" + in + " -> Tokenizer", "Keyed Sum -> Format -> Sink: Text File file://" + out),
                vertices);
    }

    @Test
    void wordCountWithoutInputCountsTheBuiltInText() throws Exception {
        installHarness();
        Path out = tmp.resolve("builtin");
        WordCount.main(new String[] {"--output", out.toString()});
        Map<String, String> expected = new HashMap<>();
        for (String line : BuiltInText.LINES) {
            new Tokenizer().flatMap(line, t -> expected.merge(t.f0, "1", (a, b) -> String.valueOf(Long.parseLong(a) + 1)));
        }
        assertEquals(expected, readParts(out));
        assertEquals("5", expected.get("sleep"));
    }

    @Test
    void statefulGeneratorKeepsRunningTotalsPerKey() throws Exception {
        installHarness();
        Path out = tmp.resolve("totals");
        StatefulGenerator.main(new String[] {"--count", "1000", "--keys", "10", "--output", out.toString(), "--parallelism", "2"});
        Map<String, long[]> last = new HashMap<>();
        try (var files = Files.list(out)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(p)) {
                    String[] f = line.split("\t");
                    long n = Long.parseLong(f[1]);
                    long[] prev = last.get(f[0]);
                    if (prev == null || prev[0] < n) {
                        last.put(f[0], new long[] {n, Long.parseLong(f[2])});
                    }
                }
            }
        }
        assertEquals(10, last.size());
        for (int k = 0; k < 10; k++) {
            long expectedSum = 0;
            for (long i = k; i < 1000; i += 10) {
                expectedSum += StatefulGenerator.event(i, 10).f1;
            }
            long[] got = last.get("sensor-" + k);
            assertEquals(100, got[0]);
            assertEquals(expectedSum, got[1]);
        }
    }

    @Test
    void badArgumentsExplainTheUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordCount.main(new String[] {"--inptu", "x"}));
        assertTrue(e.getMessage().contains("unknown option --inptu") && e.getMessage().contains("Usage: WordCount"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SocketWordCount.main(new String[] {"--host", "h"}));
        assertTrue(e.getMessage().contains("--port is required"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StatefulGenerator.main(new String[] {"--count", "many"}));
        assertTrue(e.getMessage().contains("--count must be a whole number"), e.getMessage());
    }

    @Test
    void tokenizerLowerCasesAndSplitsOnNonLetters() {
        List<Tuple2<String, Long>> out = new ArrayList<>();
        new Tokenizer().flatMap("It's a TEST--of 3 Tokens; ÄBC", out::add);
        assertEquals(List.of("it", "s", "a", "test", "of", "tokens", "äbc"), out.stream().map(t -> t.f0).toList());
    }

    @Test
    void socketWordCountPrintsRunningCounts() throws Exception {
        installHarness();
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        try (java.net.ServerSocket server = new java.net.ServerSocket(0)) {
            Thread feeder = new Thread(() -> {
                try (java.net.Socket s = server.accept()) {
                    s.getOutputStream().write("Yarn yarn\nspindle YARN\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            feeder.start();
            System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            SocketWordCount.main(new String[] {"--host", "localhost", "--port", String.valueOf(server.getLocalPort())});
            feeder.join();
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.contains("(yarn,3)") && lines.contains("(spindle,1)") && lines.contains("(yarn,1)"), lines.toString());
    }
}
