package dev.spindle.it.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.fs.FileSystem;

import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.it.programs.KeyedThroughputJob;
import dev.spindle.it.yarn.UserJars;
import dev.spindle.it.yarn.YarnCli;
import dev.spindle.localcluster.LocalYarnCluster;
import dev.spindle.runtime.minicluster.MiniClusterExecutor;
import dev.spindle.runtime.streamtask.harness.LocalJobRunner;

/**
 * Keyed throughput through the network exchange between two TaskExecutors on YARN, beside the same
 * job in one JVM, all in one run, interleaved: {@link KeyedThroughputJob} (a sequence at parallelism
 * 2, keyBy, a counting keyed filter) on
 * <ul>
 * <li>{@code harness}: the single-JVM test harness (operators and serialization, in-memory exchange),</li>
 * <li>{@code minicluster}: the in-process MiniCluster with two TaskExecutors of one slot (real gRPC exchange with TLS, one JVM),</li>
 * <li>{@code yarn}: a session on the embedded YARN cluster with two TaskExecutor containers of one slot each (TLS, as shipped).</li>
 * </ul>
 * Records per second are over the job's duration as the job master reports it (submitted to
 * finished, slots allocated by then on a warm session); for YARN also over the running phase alone
 * (all subtasks RUNNING to job finished, from the ApplicationMaster's phase log). About half the
 * records come from the source subtask in the other slot, so on YARN they cross between the two
 * TaskExecutor JVMs.
 *
 * <p>{@code KeyedExchangeBenchmark [--records 5000000] [--keys 10000] [--runs 3]}; run with
 * {@code tools/bench-it KeyedExchangeBenchmark ...}.
 */
public final class KeyedExchangeBenchmark {

    private static final Pattern RESULT = Pattern.compile("keyed-throughput records=(\\d+) crossed=(\\d+) duration-ms=(\\d+)");

    /** One run: what the job counted and how long it took (running phase: -1 where not measured). */
    private record Run(long records, long crossed, long durationMillis, long runningMillis) {
    }

    private KeyedExchangeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long records = 5_000_000;
        int keys = 10_000;
        int runs = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--records" -> records = Long.parseLong(args[i + 1]);
                case "--keys" -> keys = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: KeyedExchangeBenchmark [--records n] [--keys n] [--runs n]");
            }
        }
        try (BenchWorkDir workDir = BenchWorkDir.create("keyed-exchange-bench");
             LocalYarnCluster cluster = new LocalYarnCluster(workDir.path().resolve("cluster"), "keyed-exchange-bench", 2, null)
                .start(Duration.ofSeconds(120))) {
            Path work = workDir.path();
            YarnCli cli = new YarnCli(cluster, work.resolve("no-local-cluster"));
            String props = "-Dyarn.properties-file.location=" + work.resolve("props");
            // One slot per TaskExecutor: the job at parallelism 2 needs two TaskExecutor containers.
            YarnCli.Result started = cli.session("-d", "-s", "1", props, "-Dresourcemanager.taskmanager-timeout=30min");
            if (started.exitCode() != 0) {
                throw new IllegalStateException("session did not start: " + started);
            }
            Matcher app = Pattern.compile("Spindle session (application_\\d+_\\d+) is running").matcher(started.out());
            if (!app.find()) {
                throw new IllegalStateException("no application id in " + started);
            }
            String appId = app.group(1);
            Path jar = UserJars.pack(work.resolve("programs.jar"), KeyedThroughputJob.class);
            FileSystem fs = cluster.getFileSystem();
            Path[] logDirs = cluster.getNodeManagerLogDirs().toArray(Path[]::new);
            Map<String, List<Run>> results = new LinkedHashMap<>();
            try {
                List<String> variants = List.of("harness", "minicluster", "yarn");
                for (int r = -1; r < runs; r++) { // r = -1: warm-up (JIT, the session's two TaskExecutors), not counted
                    List<String> order = new ArrayList<>(variants);
                    Collections.rotate(order, Math.max(r, 0)); // neither always runs first on a fresh heap
                    for (String variant : order) {
                        String name = variant + "-" + (r < 0 ? "warm-up" : Integer.toString(r));
                        Run run = switch (variant) {
                            case "harness" -> inJvm(new LocalJobRunner(), new Configuration(), records, keys, work.resolve(name));
                            case "minicluster" -> inJvm(new MiniClusterExecutor(), twoTaskExecutors(), records, keys,
                                    work.resolve(name));
                            default -> onYarn(cli, props, jar, fs, appId, logDirs, records, keys, name, work);
                        };
                        if (run.records() != records) {
                            throw new IllegalStateException(name + " counted " + run.records() + " records, not " + records);
                        }
                        System.out.printf(Locale.ROOT, "%-18s job %6d ms  %,12.0f records/s%s  (%.0f%% from the other slot)%n", name,
                                run.durationMillis(), perSecond(records, run.durationMillis()), run.runningMillis() < 0 ? ""
                                        : String.format(Locale.ROOT, "; running phase %d ms, %,.0f records/s", run.runningMillis(),
                                                perSecond(records, run.runningMillis())), 100.0 * run.crossed() / run.records());
                        if (r >= 0) {
                            results.computeIfAbsent(variant, k -> new ArrayList<>()).add(run);
                        }
                    }
                }
            } finally {
                cli.session("-id", appId, "--stop", props);
            }
            System.out.printf(Locale.ROOT, "%nKeyed exchange, %,d Long records over %,d keys, parallelism 2 (medians of %d runs)%n",
                    records, keys, runs);
            double harness = perSecond(records, median(results.get("harness"), Run::durationMillis));
            for (Map.Entry<String, List<Run>> e : results.entrySet()) {
                long ms = median(e.getValue(), Run::durationMillis);
                double rate = perSecond(records, ms);
                System.out.printf(Locale.ROOT, "  %-12s job %6d ms  %,12.0f records/s  (%.2f x harness)%n", e.getKey(), ms, rate,
                        rate / harness);
            }
            long running = median(results.get("yarn"), Run::runningMillis);
            System.out.printf(Locale.ROOT, "  %-12s running phase %6d ms  %,12.0f records/s  (%.2f x harness)%n", "yarn", running,
                    perSecond(records, running), perSecond(records, running) / harness);
        }
    }

    private static Configuration twoTaskExecutors() {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        return conf;
    }

    private static Run inJvm(dev.spindle.api.execution.PipelineExecutor executor, Configuration conf, long records, int keys,
            Path out) throws Exception {
        ExecutionContext.install(new ExecutionContext(executor, conf, KeyedExchangeBenchmark.class.getClassLoader()));
        try {
            StreamEnvironment env = StreamEnvironment.getEnvironment();
            KeyedThroughputJob.define(env, records, keys, out.toUri().toString());
            JobExecutionResult result = env.execute("keyed-throughput");
            return parse(KeyedThroughputJob.describe(result), -1);
        } finally {
            ExecutionContext.uninstall();
        }
    }

    private static Run onYarn(YarnCli cli, String props, Path jar, FileSystem fs, String appId, Path[] logDirs, long records,
            int keys, String name, Path work) throws Exception {
        String output = fs.makeQualified(new org.apache.hadoop.fs.Path("/keyed-exchange/" + name)).toString();
        // A CLI JVM of its own: what main() prints goes to its stdout, which an in-process run would not capture.
        Path log = work.resolve("cli-" + name + ".log");
        long start = System.currentTimeMillis();
        Process process = cli.start(log, "run", props, "-c", KeyedThroughputJob.class.getName(), jar.toString(),
                Long.toString(records), Integer.toString(keys), output);
        if (!process.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("run " + name + " did not end within 300 s: " + Files.readString(log));
        }
        long end = System.currentTimeMillis();
        String printed = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("run " + name + " failed (exit " + process.exitValue() + "): " + printed);
        }
        PhaseTimeline t = new PhaseTimeline(start).window(end).addContainerLogs(appId, logDirs);
        Long running = t.get("first:job-all-subtasks-running");
        Long ended = t.get("first:job-ended");
        return parse(printed, running == null || ended == null ? -1 : ended - running);
    }

    private static Run parse(String output, long runningMillis) {
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("the job printed no result line: " + output);
        }
        return new Run(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), runningMillis);
    }

    private static double perSecond(long records, long millis) {
        return records * 1000.0 / Math.max(1, millis);
    }

    private static long median(List<Run> runs, java.util.function.ToLongFunction<Run> field) {
        long[] values = runs.stream().mapToLong(field).sorted().toArray();
        return values[values.length / 2];
    }
}
