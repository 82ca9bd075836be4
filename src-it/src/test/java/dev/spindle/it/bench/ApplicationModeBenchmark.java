package dev.spindle.it.bench;

import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ContainerReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;

import dev.spindle.localcluster.LocalYarnCluster;

/**
 * Times application mode on the embedded cluster, as a user sees it: a fresh CLI JVM runs
 * {@code spindle run-application} with WordCount over 20,000 lines; printed are the medians from
 * CLI start to the AM registered (app RUNNING), to the first TaskExecutor container running, to
 * the application FINISHED (job done, AM gone) and to the CLI's exit.
 *
 * <p>{@code ApplicationModeBenchmark --jar <user jar> [--class dev.spindle.examples.WordCount] [--runs 5]}
 * (run with {@code --add-opens=java.base/java.lang=ALL-UNNAMED}).
 */
public final class ApplicationModeBenchmark {

    private ApplicationModeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String jar = null;
        String mainClass = "dev.spindle.examples.WordCount";
        int runs = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = args[++i];
                case "--class" -> mainClass = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (jar == null) {
            throw new IllegalArgumentException("usage: ApplicationModeBenchmark --jar <user jar> [--class <main>] [--runs n]");
        }
        Path base = Files.createTempDirectory("spindle-bench-");
        try (LocalYarnCluster cluster = new LocalYarnCluster(base.resolve("cluster"), "spindle-bench", 2, null)
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
            List<long[]> samples = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                String output = fs.makeQualified(new org.apache.hadoop.fs.Path("/bench/out-" + run)).toString();
                samples.add(runOnce(cluster, yarn, jar, mainClass, input.toString(), output));
                long[] s = samples.get(samples.size() - 1);
                System.out.printf("run %d: AM registered %d ms, first TaskExecutor container %d ms, application finished %d ms, CLI exit %d ms%n",
                        run + 1, s[0], s[1], s[2], s[3]);
            }
            String[] labels = {"CLI start -> AM registered", "CLI start -> first TaskExecutor container running",
                "CLI start -> application FINISHED", "CLI start -> CLI exit"};
            System.out.println("Medians over " + runs + " runs (the first run also fills the framework jar cache):");
            for (int k = 0; k < labels.length; k++) {
                List<Long> values = new ArrayList<>();
                for (long[] s : samples) {
                    values.add(s[k]);
                }
                Collections.sort(values);
                System.out.printf("  %-52s %6d ms%n", labels[k], values.get(values.size() / 2));
            }
        }
    }

    private static long[] runOnce(LocalYarnCluster cluster, YarnClient yarn, String jar, String mainClass, String input,
            String output) throws Exception {
        ApplicationId before = yarn.getApplications().stream().map(ApplicationReport::getApplicationId).max(ApplicationId::compareTo)
                .orElse(null);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.spindle.yarn.client.cli.CliFrontend", "run-application",
                "-p", "2", "-Djobmanager.memory.process.size=1g", "-Dtaskmanager.memory.process.size=1g",
                "-Dtaskmanager.numberOfTaskSlots=1", "-Dyarn.container.java-home.from-client=true", "-c", mainClass, jar,
                "--input", input, "--output", output);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(File.createTempFile("spindle-bench-cli", ".log"));
        Map<String, String> env = pb.environment();
        env.put("HADOOP_CONF_DIR", cluster.getConfDir().toString());
        long t0 = System.nanoTime();
        Process cli = pb.start();
        long registered = -1;
        long firstWorker = -1;
        long finished = -1;
        ApplicationId app = null;
        while (finished < 0) {
            if (app == null) {
                app = yarn.getApplications().stream().map(ApplicationReport::getApplicationId)
                        .filter(id -> before == null || id.compareTo(before) > 0).findFirst().orElse(null);
            }
            if (app != null) {
                ApplicationReport r = yarn.getApplicationReport(app);
                long now = (System.nanoTime() - t0) / 1_000_000;
                YarnApplicationState state = r.getYarnApplicationState();
                if (registered < 0 && (state == YarnApplicationState.RUNNING || isEnded(state))) {
                    registered = now;
                }
                if (firstWorker < 0 && state == YarnApplicationState.RUNNING && r.getCurrentApplicationAttemptId() != null) {
                    List<ContainerReport> containers = yarn.getContainers(r.getCurrentApplicationAttemptId());
                    if (containers.size() > 1) {
                        firstWorker = now;
                    }
                }
                if (isEnded(state)) {
                    finished = now;
                }
            }
            if (!cli.isAlive() && app == null) {
                throw new IllegalStateException("the CLI exited with " + cli.exitValue() + " before submitting");
            }
            Thread.sleep(50); // sampling YARN's view: the figures are accurate to this interval
        }
        if (!cli.waitFor(120, TimeUnit.SECONDS)) {
            cli.destroyForcibly();
            throw new IllegalStateException("the CLI did not exit");
        }
        long exit = (System.nanoTime() - t0) / 1_000_000;
        if (cli.exitValue() != 0) {
            throw new IllegalStateException("the CLI exited with " + cli.exitValue());
        }
        return new long[] {registered, firstWorker, finished, exit};
    }

    private static boolean isEnded(YarnApplicationState s) {
        return s == YarnApplicationState.FINISHED || s == YarnApplicationState.FAILED || s == YarnApplicationState.KILLED;
    }
}
