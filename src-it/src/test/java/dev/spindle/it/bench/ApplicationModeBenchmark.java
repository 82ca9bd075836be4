package dev.spindle.it.bench;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.client.api.YarnClient;

import dev.spindle.it.yarn.YarnCli;
import dev.spindle.localcluster.LocalYarnCluster;

/**
 * Times application mode on the embedded cluster, as a user sees it: a fresh CLI JVM runs
 * {@code spindle run-application} with WordCount over 20,000 lines, and the benchmark prints each
 * deployment phase ({@link PhaseTimeline}: client, ApplicationMaster and TaskExecutor logs, and
 * YARN's report) as medians over the runs. Two variants run interleaved on the same cluster, so
 * that a loaded machine slows both alike: {@code baseline} turns off the startup shortcuts that
 * can be turned off (the cross-JVM jar digest memo, TaskExecutors started ahead of main()), {@code
 * default} runs as shipped; the ratio column is default / baseline.
 *
 * <p>With {@code --scaling 1,4,8} it measures startup scaling instead: the same program at
 * parallelism N with one slot per 512 MB TaskExecutor, and prints, beside the timelines, the median
 * from the AM registered to the N-th TaskExecutor registered, with its ratio to the first N.
 *
 * <p>{@code ApplicationModeBenchmark --jar <user jar> [--class dev.spindle.examples.WordCount] [--runs 5] [--scaling 1,4,8]}
 * (run with {@code --add-opens=java.base/java.lang=ALL-UNNAMED}; {@code tools/bench-application}).
 */
public final class ApplicationModeBenchmark {

    /** The variants compared, each with the dynamic properties it adds to the CLI call. */
    private static final Map<String, List<String>> VARIANTS = variants();

    private static Map<String, List<String>> variants() {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("baseline", List.of("-p", "2", "-Dtaskmanager.memory.process.size=1g", "-Dyarn.jar-cache.digest-memo=false",
                "-Dyarn.application-mode.start-taskexecutors-ahead=false"));
        v.put("default", List.of("-p", "2", "-Dtaskmanager.memory.process.size=1g"));
        return v;
    }

    private ApplicationModeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String jar = null;
        String mainClass = "dev.spindle.examples.WordCount";
        int runs = 5;
        Map<String, List<String>> variants = VARIANTS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = args[++i];
                case "--class" -> mainClass = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--scaling" -> variants = scalingVariants(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (jar == null) {
            throw new IllegalArgumentException("usage: ApplicationModeBenchmark --jar <user jar> [--class <main>] [--runs n]");
        }
        String clusterName = "spindle-bench";
        try (BenchWorkDir work = BenchWorkDir.create("spindle-bench-");
             LocalYarnCluster cluster = new LocalYarnCluster(work.path().resolve("cluster"), clusterName, 2, null)
                .start(Duration.ofSeconds(120)); YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(cluster.getClientConfiguration());
            yarn.start();
            FileSystem fs = cluster.getFileSystem();
            org.apache.hadoop.fs.Path input = fs.makeQualified(new org.apache.hadoop.fs.Path("/bench/input.txt"));
            try (OutputStream out = fs.create(input)) {
                for (int i = 0; i < 20_000; i++) {
                    out.write(("to be or not to be that is the question " + (i % 100) + " whether tis nobler\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            // The NodeManagers keep container logs under the mini cluster's work dir (deleted 10 min after the end).
            Path[] logDirs = cluster.getNodeManagerLogDirs().toArray(Path[]::new);
            Map<String, List<PhaseTimeline>> samples = new LinkedHashMap<>();
            Optional<DistributionLauncher> launcher = DistributionLauncher.find(work.path());
            System.out.println(DistributionLauncher.describe(launcher));
            // Warm-up: fills the framework jar cache (uploaded once per cluster) and the OS page cache, and trains
            // the launcher's class-data sharing archive.
            runOnce(cluster, yarn, launcher, jar, mainClass, input.toString(), fs, "warm-up", VARIANTS.get("default"), logDirs);
            DistributionLauncher.awaitClassDataArchive(work.path());
            for (int run = 0; run < runs; run++) {
                for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                    PhaseTimeline t = runOnce(cluster, yarn, launcher, jar, mainClass, input.toString(), fs,
                            variant.getKey() + "-" + run, variant.getValue(), logDirs);
                    samples.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(t);
                }
            }
            if (variants == VARIANTS) {
                PhaseTimeline.print("Application mode, WordCount p=2 over 20,000 lines", samples);
            } else {
                PhaseTimeline.print("Application mode, WordCount at parallelism N, one 512 MB TaskExecutor per slot", samples);
                printSpan("AM registered -> N-th TaskExecutor registered", "first:am-registered", "last:te-registered", samples);
                printSpan("AM registered -> N-th TaskExecutor JVM started", "first:am-registered", "last:te-jvm-started", samples);
                printSpan("N-th TaskExecutor allocated -> its JVM started", "last:te-allocated", "last:te-jvm-started", samples);
            }
        }
    }

    private static Map<String, List<String>> scalingVariants(String counts) {
        Map<String, List<String>> v = new LinkedHashMap<>();
        for (String n : counts.split(",")) {
            v.put("N=" + n.trim(), List.of("-p", n.trim(), "-Dtaskmanager.memory.process.size=512m",
                    // The default sizes need 672 MB; these leave a ~130 MB task heap and keep the 160 MB metaspace.
                    "-Dtaskmanager.memory.jvm-overhead.min=64m", "-Dtaskmanager.memory.framework.heap.size=64m",
                    "-Dtaskmanager.memory.framework.off-heap.size=32m", "-Dtaskmanager.memory.network.min=32m",
                    "-Dtaskmanager.memory.managed.fraction=0.1"));
        }
        return v;
    }

    /** Median of {@code to - from} per variant, with its ratio to the first variant's. */
    private static void printSpan(String label, String from, String to, Map<String, List<PhaseTimeline>> samples) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-50s", label + ":"));
        Long first = null;
        boolean isFirst = true;
        for (Map.Entry<String, List<PhaseTimeline>> e : samples.entrySet()) {
            List<Long> spans = new ArrayList<>();
            for (PhaseTimeline t : e.getValue()) {
                if (t.get(from) != null && t.get(to) != null) {
                    spans.add(t.get(to) - t.get(from));
                }
            }
            java.util.Collections.sort(spans);
            Long median = spans.isEmpty() ? null : spans.get(spans.size() / 2);
            if (isFirst) {
                first = median;
            }
            line.append(String.format(Locale.ROOT, "  %s %s ms", e.getKey(), median));
            if (!isFirst && median != null && first != null && first > 0) {
                line.append(String.format(Locale.ROOT, " (%.2fx)", (double) median / first));
            }
            isFirst = false;
        }
        System.out.println(line);
    }

    /** The CLI as a user's shell starts it: a JVM of its own per run, HADOOP_CONF_DIR naming the cluster. */
    private static YarnCli cliOf(LocalYarnCluster cluster) {
        return new YarnCli(cluster, cluster.getConfDir().resolve("no-local-cluster"));
    }

    private static PhaseTimeline runOnce(LocalYarnCluster cluster, YarnClient yarn, Optional<DistributionLauncher> launcher, String jar,
            String mainClass, String input, FileSystem fs, String name, List<String> extraFlags, Path[] logDirs) throws Exception {
        String output = fs.makeQualified(new org.apache.hadoop.fs.Path("/bench/out-" + name)).toString();
        ApplicationId before = yarn.getApplications().stream().map(ApplicationReport::getApplicationId).max(ApplicationId::compareTo)
                .orElse(null);
        // The benchmark's own sizes come after YarnCli's small defaults, so they win.
        List<String> command = new ArrayList<>(List.of("run-application", "-Djobmanager.memory.process.size=1g",
                "-Dtaskmanager.numberOfTaskSlots=1"));
        command.addAll(extraFlags);
        command.addAll(List.of("-c", mainClass, jar, "--input", input, "--output", output));
        File cliLog = File.createTempFile("spindle-bench-cli", ".log");
        long t0 = System.currentTimeMillis();
        String[] args = command.toArray(String[]::new);
        Process cli = launcher.isPresent() ? launcher.get().start(cliOf(cluster), cliLog.toPath(), args)
                : cliOf(cluster).start(cliLog.toPath(), args);
        if (!cli.waitFor(300, TimeUnit.SECONDS)) {
            cli.destroyForcibly();
            throw new IllegalStateException("the CLI did not exit; its output is in " + cliLog);
        }
        long exit = System.currentTimeMillis();
        if (cli.exitValue() != 0) {
            throw new IllegalStateException("the CLI exited with " + cli.exitValue() + "; its output is in " + cliLog);
        }
        ApplicationReport report = yarn.getApplications().stream().filter(r -> before == null
                || r.getApplicationId().compareTo(before) > 0).findFirst()
                .orElseThrow(() -> new IllegalStateException("no new application after run " + name));
        String appId = report.getApplicationId().toString();
        PhaseTimeline t = new PhaseTimeline(t0).addLog(cliLog.toPath()).addReport(yarn.getApplicationReport(report.getApplicationId()))
                .addContainerLogs(appId, logDirs);
        t.add("cli-exit", exit);
        System.out.printf(Locale.ROOT, "%-12s %s: staged %s ms, AM registered %s ms, last TaskExecutor registered %s ms,"
                + " job finished %s ms, CLI exit %d ms%n", name, appId, t.get("first:staged"), t.get("first:am-registered"),
                t.get("last:te-registered"), t.get("first:job-ended"), exit - t0);
        cliLog.delete();
        return t;
    }
}
