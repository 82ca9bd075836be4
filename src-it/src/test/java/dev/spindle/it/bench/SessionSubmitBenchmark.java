package dev.spindle.it.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.client.api.YarnClient;

import dev.spindle.localcluster.LocalYarnCluster;
import dev.spindle.it.programs.GatedJob;
import dev.spindle.it.yarn.UserJars;
import dev.spindle.it.yarn.YarnCli;
import dev.spindle.yarn.client.ClusterClients;
import dev.spindle.yarn.client.cli.CliFrontend;
import dev.spindle.yarn.client.cli.LocalClusterControl;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.localcluster.LocalClusterCommand;

/**
 * Benchmark (a program, not a test): time from the start of {@code spindle run} (in-process CLI
 * call) to the job being RUNNING and to it being FINISHED, for a small job on a session, warm
 * (TaskExecutors already up) and cold (every TaskExecutor released after the idle timeout).
 * Prints each run, then the phase timeline ({@link PhaseTimeline}: the session's ApplicationMaster
 * and TaskExecutor logs, windowed to each run) of the session's deployment and the medians of the
 * warm and cold runs side by side, cold / warm as the ratio. Args: [runs, default 5]. Run with
 * {@code tools/bench-session}.
 */
public final class SessionSubmitBenchmark {

    private static final Pattern JOB_ID = Pattern.compile("submitted with JobID ([0-9a-f]{32})");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Files.createTempDirectory("session-bench");
        try (LocalYarnCluster cluster = new LocalYarnCluster(work.resolve("cluster"), "session-bench", 2, null)
                .start(Duration.ofSeconds(120))) {
            YarnCli cli = new YarnCli(cluster, work.resolve("no-local-cluster"));
            String props = "-Dyarn.properties-file.location=" + work.resolve("props");
            Path jar = UserJars.pack(work.resolve("programs.jar"), GatedJob.class);
            FileSystem fs = cluster.getFileSystem();
            String release = fs.makeQualified(new org.apache.hadoop.fs.Path("/bench-release")).toString();
            fs.create(new org.apache.hadoop.fs.Path(release)).close();

            long deployStart = System.currentTimeMillis();
            YarnCli.Result started = cli.session("-d", "-s", "1", props, "-Dresourcemanager.taskmanager-timeout=2s");
            long deployEnd = System.currentTimeMillis();
            if (started.exitCode() != 0) {
                throw new IllegalStateException("session did not start: " + started);
            }
            Matcher m = Pattern.compile("Spindle session (application_\\d+_\\d+) is running").matcher(started.out());
            m.find();
            ApplicationId appId = ApplicationId.fromString(m.group(1));
            YarnClient yarn = YarnClient.createYarnClient();
            yarn.init(cluster.getClientConfiguration());
            yarn.start();
            Path[] logDirs = cluster.getNodeManagerLogDirs().toArray(Path[]::new);

            CliFrontend frontend = frontend(cluster, work);
            try {
                long warmUpStart = System.currentTimeMillis();
                timedRun(frontend, props, jar, release, fs, "warm-up", appId, logDirs); // JIT, jar upload, first container
                // Read only now: the client sees RUNNING as the AM registers, a moment before the AM logs it.
                PhaseTimeline deploy = new PhaseTimeline(deployStart).window(warmUpStart)
                        .addReport(yarn.getApplicationReport(appId)).addContainerLogs(appId.toString(), logDirs);
                deploy.add("cli-exit", deployEnd);
                PhaseTimeline.print("Session deployment (yarn-session -d, in-process CLI)", Map.of("session", List.of(deploy)));
                List<long[]> warm = new ArrayList<>();
                List<long[]> cold = new ArrayList<>();
                Map<String, List<PhaseTimeline>> timelines = new LinkedHashMap<>();
                timelines.put("warm", new ArrayList<>());
                timelines.put("cold", new ArrayList<>());
                for (int i = 0; i < runs; i++) {
                    warm.add(timedRun(frontend, props, jar, release, fs, "warm-" + i, appId, logDirs));
                    timelines.get("warm").add(lastTimeline);
                    waitForTaskExecutorsReleased(yarn, appId);
                    cold.add(timedRun(frontend, props, jar, release, fs, "cold-" + i, appId, logDirs));
                    timelines.get("cold").add(lastTimeline);
                }
                print("warm session", warm);
                print("cold session", cold);
                PhaseTimeline.print("Jobs on the session (in-process 'spindle run')", timelines);
            } finally {
                cli.session("-id", appId.toString(), "--stop", props);
                yarn.stop();
            }
        } finally {
            org.apache.hadoop.fs.FileUtil.fullyDelete(work.toFile());
        }
    }

    private static CliFrontend frontend(LocalYarnCluster cluster, Path work) {
        java.util.Map<String, String> env = java.util.Map.of("HADOOP_CONF_DIR", cluster.getConfDir().toString());
        return new CliFrontend(env, new ClusterClients(new HadoopConfLocator(env, work.resolve("no-local-cluster"))),
                LocalClusterControl.of(new LocalClusterCommand(System.getProperty("java.class.path"))));
    }

    /** One attached {@code spindle run}: milliseconds from its start to RUNNING, to FINISHED and to its exit. */
    /** The phase timeline of the last {@link #timedRun}. */
    private static PhaseTimeline lastTimeline;

    private static long[] timedRun(CliFrontend frontend, String props, Path jar, String release, FileSystem fs, String name,
            ApplicationId appId, Path[] logDirs) throws Exception {
        String output = fs.makeQualified(new org.apache.hadoop.fs.Path("/bench-out-" + name)).toString();
        long startEpoch = System.currentTimeMillis();
        long start = System.nanoTime();
        long[] marks = {-1, -1, -1};
        OutputStream watcher = new LineWatcher(line -> {
            if (line.contains(") is RUNNING") && marks[0] < 0) {
                marks[0] = (System.nanoTime() - start) / 1_000_000;
            }
            if (line.contains(") is FINISHED") && marks[1] < 0) {
                marks[1] = (System.nanoTime() - start) / 1_000_000;
            }
        });
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = frontend.execute(new String[] {"run", props, "-c", GatedJob.class.getName(), jar.toString(), release,
                output, name}, new PrintStream(watcher, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8));
        marks[2] = (System.nanoTime() - start) / 1_000_000;
        long endEpoch = System.currentTimeMillis();
        lastTimeline = new PhaseTimeline(startEpoch).window(endEpoch).addContainerLogs(appId.toString(), logDirs);
        if (marks[0] >= 0) {
            lastTimeline.add("client-saw-job-running", startEpoch + marks[0]);
        }
        lastTimeline.add("client-saw-job-finished", startEpoch + marks[1]);
        lastTimeline.add("cli-exit", endEpoch);
        if (code != 0 || marks[1] < 0) {
            throw new IllegalStateException("run " + name + " failed (exit " + code + "): " + err);
        }
        System.out.printf(Locale.ROOT, "%-8s RUNNING after %5d ms, FINISHED after %5d ms, CLI exit after %5d ms%n", name,
                marks[0], marks[1], marks[2]);
        return marks;
    }

    private static void waitForTaskExecutorsReleased(YarnClient yarn, ApplicationId appId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (yarn.getContainers(yarn.getApplicationReport(appId).getCurrentApplicationAttemptId()).size() > 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("TaskExecutors were not released within 60 s");
            }
            Thread.sleep(200); // YARN has no notification of container release
        }
    }

    private static void print(String label, List<long[]> results) {
        System.out.printf(Locale.ROOT, "%s: median of %d runs: RUNNING %d ms, FINISHED %d ms, CLI exit %d ms%n", label,
                results.size(), median(results, 0), median(results, 1), median(results, 2));
    }

    private static long median(List<long[]> results, int index) {
        List<Long> values = new ArrayList<>();
        results.forEach(r -> values.add(r[index]));
        Collections.sort(values);
        return values.get(values.size() / 2);
    }

    /** Hands each printed line to a callback the moment it is complete. */
    private static final class LineWatcher extends OutputStream {
        private final java.util.function.Consumer<String> onLine;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineWatcher(java.util.function.Consumer<String> onLine) {
            this.onLine = onLine;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                onLine.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
