package dev.spindle.examples.bench;

import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.WriteMode;
import dev.spindle.configuration.Configuration;
import dev.spindle.examples.Tokenizer;
import dev.spindle.runtime.streamtask.harness.LocalJobRunner;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Benchmark (a program, not a test): WordCount throughput in words/s of the stream runtime alone
 * (operators, serialization, partitioning; in-memory exchange of the test harness) on a generated
 * corpus, parallelism 1 and 2, median of several runs. Args: [words] [runs] [harness|minicluster]; with
 * {@code minicluster} the job runs on the environment's default executor (the in-process MiniCluster:
 * real TaskExecutors, RPC and data exchange), each run starting its own cluster. Each parallelism's
 * line also gives the cores its runs kept busy (process CPU time over wall time, the JIT and GC
 * included): what p=1 leaves idle bounds what p=2 can gain.
 */
public final class WordCountThroughput {

    public static void main(String[] args) throws Exception {
        long words = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean miniCluster = args.length > 2 && args[2].equals("minicluster");
        Path dir = Files.createTempDirectory("wc-bench");
        Path input = dir.resolve("corpus.txt");
        Random random = new Random(1);
        String[] vocabulary = new String[10_000];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder w = new StringBuilder();
            int len = 2 + random.nextInt(8);
            for (int c = 0; c < len; c++) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            vocabulary[i] = w.toString();
        }
        try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (long i = 0; i < words; i++) {
                w.write(vocabulary[(int) Math.abs((long) (random.nextGaussian() * 1500)) % vocabulary.length]);
                w.write(i % 10 == 9 ? '\n' : ' ');
            }
        }
        System.out.printf("corpus: %,d words, %,d bytes; runtime: %s%n", words, Files.size(input),
                miniCluster ? "MiniCluster (incl. its start per run)" : "in-memory harness");
        // Interleaved (1, 2, 1, 2, ...): on a shared machine both parallelisms see the same load.
        int[] parallelisms = {1, 2};
        List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
        // Cores kept busy (process CPU time / wall time): p=2 can only beat p=1 by what p=1 leaves idle.
        List<List<Double>> cores = List.of(new ArrayList<>(), new ArrayList<>());
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < runs + 1; r++) {
            for (int k = 0; k < parallelisms.length; k++) {
                int parallelism = parallelisms[k];
                StreamEnvironment env = miniCluster ? StreamEnvironment.getEnvironment()
                        : new StreamEnvironment(new LocalJobRunner(), new Configuration(), null);
                env.setParallelism(parallelism);
                env.readTextFile(input.toString())
                        .flatMap(new Tokenizer())
                        .keyBy(t -> t.f0)
                        .sum(1)
                        .writeAsText(dir.resolve("out").toString(), WriteMode.OVERWRITE);
                long start = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                env.execute("WordCount benchmark");
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
                if (r > 0) { // the first round warms up the JIT
                    rates.get(k).add(words / seconds);
                    cores.get(k).add(cpuSeconds / seconds);
                }
            }
        }
        double[] medians = new double[parallelisms.length];
        for (int k = 0; k < parallelisms.length; k++) {
            List<Double> sorted = new ArrayList<>(rates.get(k));
            Collections.sort(sorted);
            medians[k] = sorted.get(sorted.size() / 2);
            List<Double> busy = new ArrayList<>(cores.get(k));
            Collections.sort(busy);
            System.out.printf("parallelism %d: median %,.0f words/s, %.2f cores busy (runs: %s)%n", parallelisms[k], medians[k],
                    busy.get(busy.size() / 2), rates.get(k).stream().map(x -> String.format("%,.0f", x)).toList());
        }
        System.out.printf("ratio p=2 / p=1: %.2f (on %d cores)%n", medians[1] / medians[0],
                Runtime.getRuntime().availableProcessors());
    }
}
