package dev.spindle.it.bench;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import dev.spindle.api.DataStream;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.CoreOptions;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.SecurityOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.examples.Tokenizer;
import dev.spindle.runtime.minicluster.MiniClusterExecutor;

/**
 * What TLS costs the data plane: WordCount at parallelism 2 on a MiniCluster of two TaskExecutors
 * with one slot each, so that the keyed exchange crosses between them over gRPC, once with
 * {@code security.ssl.internal.enabled} true and once false, interleaved in one run. Prints the
 * median words per second (wall time from submit to result, MiniCluster start included and
 * reported separately) of each.
 *
 * <p>{@code TlsThroughputBenchmark [--words 4000000] [--runs 5]}
 */
public final class TlsThroughputBenchmark {

    private TlsThroughputBenchmark() {
    }

    private record Run(boolean tls, long words, long millis) {
        double wordsPerSecond() {
            return words * 1000.0 / millis;
        }
    }

    public static void main(String[] args) throws Exception {
        int words = 4_000_000;
        int runs = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--words" -> words = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        try (BenchWorkDir work = BenchWorkDir.create("spindle-tls-bench")) {
            Path dir = work.path();
            Path input = dir.resolve("in.txt");
            writeCorpus(input, words);
            System.out.printf("corpus: %d words, %d bytes%n", words, Files.size(input));
            run(input, dir, true, words);   // warm-up, not counted
            run(input, dir, false, words);
            List<Run> results = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                // alternate the order so neither setting always runs on a warmer JVM
                boolean first = r % 2 == 0;
                results.add(run(input, dir, first, words));
                results.add(run(input, dir, !first, words));
            }
            for (boolean tls : new boolean[] {false, true}) {
                List<Run> these = results.stream().filter(x -> x.tls == tls).sorted(Comparator.comparingLong(Run::millis)).toList();
                Run median = these.get(these.size() / 2);
                System.out.printf("%-9s median %6d ms  %,12.0f words/s  (runs: %s)%n", tls ? "TLS" : "plaintext", median.millis,
                        median.wordsPerSecond(), these.stream().map(x -> x.millis + " ms").toList());
            }
        }
    }

    private static Run run(Path input, Path dir, boolean tls, long words) throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        conf.set(CoreOptions.DEFAULT_PARALLELISM, 2);
        conf.set(SecurityOptions.SSL_INTERNAL_ENABLED, tls);
        ExecutionContext.install(new ExecutionContext(new MiniClusterExecutor(), conf, TlsThroughputBenchmark.class.getClassLoader()));
        try {
            StreamEnvironment env = StreamEnvironment.getEnvironment();
            env.setParallelism(2);
            Path out = Files.createTempDirectory(dir, tls ? "out-tls" : "out-plain");
            DataStream<String> counts = env.readTextFile(input.toUri().toString())
                    .flatMap(new Tokenizer())
                    .keyBy(t -> t.f0)
                    .sum(1)
                    .map((Tuple2<String, Long> t) -> t.f0 + "\t" + t.f1);
            counts.writeAsText(out.toUri().toString());
            long start = System.nanoTime();
            env.execute("wordcount-" + (tls ? "tls" : "plain"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("  %-9s %6d ms%n", tls ? "TLS" : "plaintext", millis);
            return new Run(tls, words, millis);
        } finally {
            ExecutionContext.uninstall();
        }
    }

    /** Many distinct keys, so the keyed exchange carries most records to the other TaskExecutor half the time. */
    private static void writeCorpus(Path file, int words) throws Exception {
        Random random = new Random(7);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < words; i++) {
                w.write("w");
                w.write(Integer.toString(random.nextInt(100_000)));
                w.write(i % 12 == 11 ? '\n' : ' ');
            }
        }
    }
}
