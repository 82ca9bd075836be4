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
import java.util.Optional;
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
 * warm and cold runs side by side, cold / warm as the ratio; then each warm run again from a CLI JVM
 * of its own (what a user's shell pays: JVM start, class loading and the client's setup included)
 * with its median timeline. Args: [runs, default 5]. Run with
 * {@code tools/bench-session}.
 *
 * <p>With {@code --tls-cost} it measures what TLS costs a warm submission instead: two sessions on
 * the same cluster, one as shipped (TLS on RPC, data exchange and REST) and one with
 * {@code security.ssl.internal.enabled=false} and {@code security.ssl.rest.enabled=false}, and warm
 * submissions to them interleaved, both from the benchmark's JVM (client warmed up) and from a CLI
 * JVM of its own per run (what a user's shell pays, TLS setup in a cold JVM included). Prints each
 * run and the median timelines side by side, TLS / plaintext as the ratio.
 */
public final class SessionSubmitBenchmark {

    private static final Pattern JOB_ID = Pattern.compile("submitted with JobID ([0-9a-f]{32})");

    /** What the plaintext session and its clients are given; the TLS session runs as shipped. */
    private static final List<String> PLAINTEXT = List.of("-Dsecurity.ssl.internal.enabled=false",
            "-Dsecurity.ssl.rest.enabled=false");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (args.length > 1 && args[1].equals("--tls-cost")) {
            tlsCost(runs);
            return;
        }
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: SessionSubmitBenchmark [runs] [--tls-cost]; unknown " + args[1]);
        }
        try (BenchWorkDir workDir = BenchWorkDir.create("session-bench");
             LocalYarnCluster cluster = new LocalYarnCluster(workDir.path().resolve("cluster"), "session-bench", 2, null)
                .start(Duration.ofSeconds(120))) {
            Path work = workDir.path();
            YarnCli cli = new YarnCli(cluster, work.resolve("no-local-cluster"));
            String props = "-Dyarn.properties-file.location=" + work.resolve("props");
            Path jar = UserJars.pack(work.resolve("programs.jar"), GatedJob.class);
            FileSystem fs = cluster.getFileSystem();
            String release = fs.makeQualified(new org.apache.hadoop.fs.Path("/bench-release")).toString();
            fs.create(new org.apache.hadoop.fs.Path(release)).close();

            long deployStart = System.currentTimeMillis();
            YarnCli.Result started = cli.session("-d", "-s", "1", props, "-Dresourcemanager.taskmanager-timeout=10s");
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
                Map<String, List<PhaseTimeline>> ownJvm = Map.of("warm", new ArrayList<>());
                Session session = new Session("session", appId, List.of(props));
                System.out.println(DistributionLauncher.describe(DistributionLauncher.find(work)));
                cliJvmRun(cli, session, jar, release, fs, "warm-up-jvm", logDirs, work);
                DistributionLauncher.awaitClassDataArchive(work);
                for (int i = 0; i < runs; i++) {
                    warm.add(timedRun(frontend, props, jar, release, fs, "warm-" + i, appId, logDirs));
                    timelines.get("warm").add(lastTimeline);
                    ownJvm.get("warm").add(cliJvmRun(cli, session, jar, release, fs, "warm-jvm-" + i, logDirs, work));
                    waitForTaskExecutorsReleased(yarn, appId);
                    cold.add(timedRun(frontend, props, jar, release, fs, "cold-" + i, appId, logDirs));
                    timelines.get("cold").add(lastTimeline);
                }
                print("warm session", warm);
                print("cold session", cold);
                PhaseTimeline.print("Jobs on the session (in-process 'spindle run')", timelines);
                PhaseTimeline.print("Warm jobs, 'spindle run' in a CLI JVM of its own (what a user runs)", ownJvm);
            } finally {
                cli.session("-id", appId.toString(), "--stop", props);
                yarn.stop();
            }
        }
    }

    /** One session and what its clients pass (its properties file, and the TLS switches where off). */
    private record Session(String name, ApplicationId appId, List<String> clientFlags) {
    }

    private static void tlsCost(int runs) throws Exception {
        try (BenchWorkDir workDir = BenchWorkDir.create("session-tls-bench");
             LocalYarnCluster cluster = new LocalYarnCluster(workDir.path().resolve("cluster"), "session-tls-bench", 2, null)
                .start(Duration.ofSeconds(120))) {
            Path work = workDir.path();
            YarnCli cli = new YarnCli(cluster, work.resolve("no-local-cluster"));
            Path jar = UserJars.pack(work.resolve("programs.jar"), GatedJob.class);
            FileSystem fs = cluster.getFileSystem();
            String release = fs.makeQualified(new org.apache.hadoop.fs.Path("/bench-release")).toString();
            fs.create(new org.apache.hadoop.fs.Path(release)).close();
            Path[] logDirs = cluster.getNodeManagerLogDirs().toArray(Path[]::new);
            List<Session> sessions = new ArrayList<>();
            try {
                // Plaintext first: PhaseTimeline.print takes the first variant as the baseline of its ratios.
                for (String name : List.of("plaintext", "TLS")) {
                    List<String> flags = new ArrayList<>(List.of("-Dyarn.properties-file.location=" + work.resolve("props-" + name)));
                    if (name.equals("plaintext")) {
                        flags.addAll(PLAINTEXT);
                    }
                    List<String> sessionArgs = new ArrayList<>(List.of("-d", "-s", "1",
                            // The TaskExecutor must stay up across the other session's runs: every run here is warm.
                            "-Dresourcemanager.taskmanager-timeout=30min"));
                    sessionArgs.addAll(flags);
                    YarnCli.Result started = cli.session(sessionArgs.toArray(String[]::new));
                    Matcher m = Pattern.compile("Spindle session (application_\\d+_\\d+) is running").matcher(started.out());
                    if (started.exitCode() != 0 || !m.find()) {
                        throw new IllegalStateException(name + " session did not start: " + started);
                    }
                    sessions.add(new Session(name, ApplicationId.fromString(m.group(1)), flags));
                }
                CliFrontend frontend = frontend(cluster, work);
                for (Session s : sessions) { // JIT, jar upload, the session's first TaskExecutor
                    timedRun(frontend, s.clientFlags(), jar, release, fs, s.name() + "-warm-up", s.appId(), logDirs);
                    cliJvmRun(cli, s, jar, release, fs, s.name() + "-warm-up-jvm", logDirs, work);
                }
                DistributionLauncher.awaitClassDataArchive(work);
                Map<String, List<PhaseTimeline>> inProcess = new LinkedHashMap<>();
                Map<String, List<PhaseTimeline>> ownJvm = new LinkedHashMap<>();
                Map<String, List<long[]>> inProcessMarks = new LinkedHashMap<>();
                for (int i = 0; i < runs; i++) {
                    // Alternate which goes first, so that neither always follows the same neighbour.
                    List<Session> order = new ArrayList<>(sessions);
                    if (i % 2 == 1) {
                        Collections.reverse(order);
                    }
                    for (Session s : order) {
                        long[] marks = timedRun(frontend, s.clientFlags(), jar, release, fs, s.name() + "-" + i, s.appId(), logDirs);
                        inProcessMarks.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(marks);
                        inProcess.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(lastTimeline);
                    }
                    for (Session s : order) {
                        ownJvm.computeIfAbsent(s.name(), k -> new ArrayList<>())
                                .add(cliJvmRun(cli, s, jar, release, fs, s.name() + "-jvm-" + i, logDirs, work));
                    }
                }
                inProcessMarks.forEach((name, marks) -> print("warm " + name + " session, in-process CLI", marks));
                long plainExit = median(inProcessMarks.get("plaintext"), 2);
                long tlsExit = median(inProcessMarks.get("TLS"), 2);
                System.out.printf(Locale.ROOT, "TLS cost, warm submit, in-process CLI: exit %d ms vs %d ms plaintext (ratio %.2f)%n",
                        tlsExit, plainExit, (double) tlsExit / plainExit);
                // The second run of a pair came out slower in trials (the other session still winding down its job):
                // the order alternates, so an even number of runs puts each first equally often.
                List<String> pairs = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    pairs.add(String.format(Locale.ROOT, "%.2f (%s first)", (double) inProcessMarks.get("TLS").get(i)[2]
                            / inProcessMarks.get("plaintext").get(i)[2], i % 2 == 0 ? "plaintext" : "TLS"));
                }
                System.out.println("TLS / plaintext CLI exit per pair, in-process CLI: " + pairs);
                long plainJvm = PhaseTimeline.medians(ownJvm.get("plaintext")).get("first:cli-exit");
                long tlsJvm = PhaseTimeline.medians(ownJvm.get("TLS")).get("first:cli-exit");
                System.out.printf(Locale.ROOT, "TLS cost, warm submit, CLI JVM of its own: exit %d ms vs %d ms plaintext (ratio %.2f)%n",
                        tlsJvm, plainJvm, (double) tlsJvm / plainJvm);
                PhaseTimeline.print("Warm jobs, in-process 'spindle run', plaintext vs TLS", inProcess);
                PhaseTimeline.print("Warm jobs, 'spindle run' in a CLI JVM of its own, plaintext vs TLS", ownJvm);
            } finally {
                for (Session s : sessions) {
                    List<String> stop = new ArrayList<>(List.of("-id", s.appId().toString(), "--stop"));
                    stop.addAll(s.clientFlags());
                    cli.session(stop.toArray(String[]::new));
                }
            }
        }
    }

    /** One attached {@code spindle run} in a fresh CLI JVM; its timeline from the CLI's and the session's logs. */
    private static PhaseTimeline cliJvmRun(YarnCli cli, Session session, Path jar, String release, FileSystem fs, String name,
            Path[] logDirs, Path work) throws Exception {
        String output = fs.makeQualified(new org.apache.hadoop.fs.Path("/bench-out-" + name)).toString();
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(session.clientFlags());
        args.addAll(List.of("-c", GatedJob.class.getName(), jar.toString(), release, output, name));
        Path log = work.resolve("cli-" + name + ".log");
        long start = System.currentTimeMillis();
        Optional<DistributionLauncher> launcher = DistributionLauncher.find(work);
        Process process = launcher.isPresent() ? launcher.get().start(cli, log, args.toArray(String[]::new))
                : cli.start(log, args.toArray(String[]::new));
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("run " + name + " did not exit within 120 s: " + Files.readString(log));
        }
        long end = System.currentTimeMillis();
        if (process.exitValue() != 0) {
            throw new IllegalStateException("run " + name + " failed (exit " + process.exitValue() + "): " + Files.readString(log));
        }
        PhaseTimeline t = new PhaseTimeline(start).window(end).addLog(log).addContainerLogs(session.appId().toString(), logDirs);
        t.add("cli-exit", end);
        System.out.printf(Locale.ROOT, "%-22s CLI JVM: job running %s ms, CLI exit after %5d ms%n", name,
                t.get("first:job-all-subtasks-running"), end - start);
        return t;
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
        return timedRun(frontend, List.of(props), jar, release, fs, name, appId, logDirs);
    }

    private static long[] timedRun(CliFrontend frontend, List<String> clientFlags, Path jar, String release, FileSystem fs, String name,
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
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(clientFlags);
        args.addAll(List.of("-c", GatedJob.class.getName(), jar.toString(), release, output, name));
        int code = frontend.execute(args.toArray(String[]::new), new PrintStream(watcher, true, StandardCharsets.UTF_8), new PrintStream(err, true,
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
        System.out.printf(Locale.ROOT, "%-22s RUNNING after %5d ms, FINISHED after %5d ms, CLI exit after %5d ms%n", name,
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
