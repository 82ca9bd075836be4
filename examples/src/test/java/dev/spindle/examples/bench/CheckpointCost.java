package dev.spindle.examples.bench;

import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.WriteMode;
import dev.spindle.api.tuple.Tuple2;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.graph.PipelineTranslator;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobmaster.JobMaster;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (a program, not a test) of what checkpoints cost on the in-process MiniCluster:
 * (1) keyed WordCount-style throughput (generated words, keyBy, sum) with checkpointing off and every
 * 1 s, interleaved in the same run, medians and their ratio; (2) duration and size of checkpoints of
 * large keyed state on the local file system (the default 800,000 keys serialize to about 300 MB; 270,000 to about
 * 100 MB), medians. Args: [words] [runs] [stateKeys].
 */
public final class CheckpointCost {

    private static final int VOCABULARY = 10_000;

    public static void main(String[] args) throws Exception {
        long words = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int stateKeys = args.length > 2 ? Integer.parseInt(args[2]) : 800_000;
        Path dir = Files.createTempDirectory("checkpoint-bench");
        throughput(words, runs, dir);
        stateCheckpoints(stateKeys, dir);
    }

    static Tuple2<String, Long> word(long i) {
        return Tuple2.of("w" + (i * 2654435761L % VOCABULARY), 1L);
    }

    private static void throughput(long words, int runs, Path dir) throws Exception {
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        for (int r = 0; r < runs + 1; r++) {
            for (boolean checkpointing : new boolean[] {false, true}) {
                StreamEnvironment env = StreamEnvironment.getEnvironment();
                env.setParallelism(2);
                env.setRuntimeMode(RuntimeMode.STREAMING);
                if (checkpointing) {
                    env.enableCheckpointing(1000);
                    env.getCheckpointConfig().setCheckpointStorage(dir.resolve("wc-checkpoints").toUri().toString());
                }
                // every 1000th count is written, so the sink measures checkpoints, not disk writes
                env.fromGenerator(words, CheckpointCost::word).uid("words")
                        .keyBy(t -> t.f0).sum(1).uid("counts")
                        .filter(t -> t.f1 % 1000 == 0).uid("sampled")
                        .writeAsText(dir.resolve("wc-out").toUri().toString(), WriteMode.OVERWRITE).uid("out");
                long start = System.nanoTime();
                env.execute("checkpoint cost WordCount");
                double rate = words / ((System.nanoTime() - start) / 1e9);
                if (r > 0) { // the first round warms up the JIT
                    (checkpointing ? on : off).add(rate);
                }
            }
        }
        double medianOff = median(off);
        double medianOn = median(on);
        System.out.printf("keyed WordCount, %,d words, p=2, MiniCluster (incl. its start per run):%n", words);
        System.out.printf("  checkpointing off:      median %,.0f words/s (runs %s)%n", medianOff, fmt(off));
        System.out.printf("  checkpointing every 1s: median %,.0f words/s (runs %s)%n", medianOn, fmt(on));
        System.out.printf("  ratio on/off: %.2f (cost %.1f %%)%n", medianOn / medianOff, 100 * (1 - medianOn / medianOff));
    }

    /** Fills stateKeys keys with ~120-byte values at once, then updates them slowly while checkpoints are taken. */
    static Tuple2<Long, String> payload(long i, int keys) throws InterruptedException {
        if (i >= keys) {
            Thread.sleep(1);
        }
        return Tuple2.of(i % keys, String.format("%0120d", i));
    }

    private static void stateCheckpoints(int keys, Path dir) throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 1);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        try (MiniCluster cluster = new MiniCluster(conf).start()) {
            StreamEnvironment env = StreamEnvironment.getEnvironment();
            env.setParallelism(1);
            env.setRuntimeMode(RuntimeMode.STREAMING);
            env.enableCheckpointing(3000);
            env.getCheckpointConfig().setCheckpointStorage(dir.resolve("state-checkpoints").toUri().toString());
            final int k = keys;
            env.fromGenerator(10L * keys, i -> payload(i, k)).uid("payloads")
                    .keyBy(t -> t.f0).reduce((a, b) -> b).uid("latest")
                    .filter(t -> false).uid("nothing")
                    .writeAsText(dir.resolve("state-out").toUri().toString(), WriteMode.OVERWRITE).uid("out");
            JobGraph job = PipelineTranslator.translate(env, "checkpoint cost state");
            cluster.getDispatcher().submitJob(job).get();
            JobMaster jm = cluster.getDispatcher().runningJobMaster(job.getJobId());
            List<Double> durations = new ArrayList<>();
            List<Double> sizes = new ArrayList<>();
            long seen = 0;
            long deadline = System.currentTimeMillis() + 180_000;
            // the first two checkpoints may see a partly filled state; five after them are measured
            while (durations.size() < 5 && System.currentTimeMillis() < deadline) {
                Map<String, Object> stats = jm.requestCheckpointStats().get(10, TimeUnit.SECONDS);
                @SuppressWarnings("unchecked")
                Map<String, Object> latest = (Map<String, Object>) stats.get("latestCompleted");
                if (latest != null && ((Number) latest.get("id")).longValue() > seen) {
                    seen = ((Number) latest.get("id")).longValue();
                    if (seen > 2) {
                        durations.add(((Number) latest.get("durationMs")).doubleValue());
                        sizes.add(((Number) latest.get("sizeBytes")).doubleValue() / (1024 * 1024));
                    }
                }
                Thread.sleep(200);
            }
            cluster.getDispatcher().cancelJob(job.getJobId()).get(30, TimeUnit.SECONDS);
            System.out.printf("keyed state of %,d keys x 120-byte values, local file system, p=1:%n", keys);
            System.out.printf("  checkpoint duration: median %.0f ms (runs %s)%n", median(durations), fmt(durations));
            System.out.printf("  checkpoint size:     median %.1f MB (runs %s)%n", median(sizes), fmt(sizes));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static String fmt(List<Double> values) {
        return values.stream().map(x -> String.format("%,.0f", x)).toList().toString();
    }
}
