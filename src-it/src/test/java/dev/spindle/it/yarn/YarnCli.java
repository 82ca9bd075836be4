package dev.spindle.it.yarn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.client.api.YarnClient;

import dev.spindle.localcluster.LocalYarnCluster;
import dev.spindle.yarn.client.ClusterClients;
import dev.spindle.yarn.client.cli.CliFrontend;
import dev.spindle.yarn.client.cli.LocalClusterControl;
import dev.spindle.yarn.client.cli.SessionCli;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.localcluster.LocalClusterCommand;

/** Drives the real CLI entry point against a mini cluster, as a user with HADOOP_CONF_DIR set would. */
public final class YarnCli {

    /** What one CLI run printed and returned. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
        }
    }

    private final LocalYarnCluster cluster;
    private final Map<String, String> env;
    private final ClusterClients clients;
    private final LocalClusterControl localCluster;

    public YarnCli(LocalYarnCluster cluster, Path localClusterHome) {
        this(cluster, localClusterHome, Map.of("HADOOP_CONF_DIR", cluster.getConfDir().toString()));
    }

    /** A CLI with the given environment instead (e.g. no HADOOP_CONF_DIR, or one naming another conf dir). */
    public YarnCli(LocalYarnCluster cluster, Path localClusterHome, Map<String, String> env) {
        this.cluster = cluster;
        this.env = env;
        this.clients = new ClusterClients(new HadoopConfLocator(env, localClusterHome));
        this.localCluster = LocalClusterControl.of(new LocalClusterCommand(System.getProperty("java.class.path")));
    }

    public Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CliFrontend(env, clients, localCluster).execute(withSmallContainers(args),
                new PrintStream(new TeeStream(out, System.out), true, StandardCharsets.UTF_8),
                new PrintStream(new TeeStream(err, System.err), true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Starts the CLI in a JVM of its own, as a user's shell would, so that a test can kill it with
     * -9 at any moment; what it prints goes to {@code log}.
     */
    public Process start(Path log, String... args) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                CliFrontend.class.getName()));
        command.addAll(java.util.Arrays.asList(withSmallContainers(args)));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /**
     * Starts the CLI through a launcher script ({@code bin/spindle} of a built distribution), as a
     * user types it: with the script's JVM flags (its class-data sharing archive among them) and
     * {@code extraEnv} on top of this CLI's environment; what it prints goes to {@code log}.
     */
    public Process startLauncher(Path launcher, Map<String, String> extraEnv, Path log, String... args) throws IOException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(launcher.toString()));
        command.addAll(java.util.Arrays.asList(withSmallContainers(args)));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("JVM_ARGS");
        pb.environment().putAll(env);
        pb.environment().putAll(extraEnv);
        return pb.start();
    }

    /** Small containers: the mini cluster shares 2 cores and a few GB with other builds. */
    private static String[] withSmallContainers(String[] args) {
        return Stream.concat(Stream.of(args[0], "-Djobmanager.memory.process.size=768m",
                "-Dtaskmanager.memory.process.size=768m", "-Dtaskmanager.numberOfTaskSlots=2",
                "-Dyarn.container.java-home.from-client=true"),
                Stream.of(args).skip(1)).toArray(String[]::new);
    }

    /** Runs {@code yarn-session.sh} with the same small container sizes as {@link #run}. */
    public Result session(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] withDefaults = Stream.concat(Stream.of("-Djobmanager.memory.process.size=768m",
                "-Dtaskmanager.memory.process.size=768m", "-Dyarn.container.java-home.from-client=true"),
                Stream.of(args)).toArray(String[]::new);
        int code = new SessionCli(env, clients).execute(withDefaults,
                new PrintStream(new TeeStream(out, System.out), true, StandardCharsets.UTF_8),
                new PrintStream(new TeeStream(err, System.err), true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The most recently submitted application. */
    static ApplicationReport latestApplication(YarnClient yarn) throws Exception {
        List<ApplicationReport> apps = yarn.getApplications();
        return apps.stream().max(Comparator.comparing(ApplicationReport::getApplicationId)).orElseThrow();
    }

    /** Files a container of the application wrote into its NodeManager log dir, e.g. taskmanager.log. */
    List<Path> containerLogs(ApplicationId appId, String fileName) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path logDir : cluster.getNodeManagerLogDirs()) {
            Path appDir = logDir.resolve(appId.toString());
            if (!Files.isDirectory(appDir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(appDir, 2)) {
                files.filter(p -> p.getFileName().toString().equals(fileName)).forEach(found::add);
            }
        }
        return found.stream().sorted().toList();
    }

    /** Everything the application's containers wrote to {@code fileName}, all attempts' copies in turn. */
    public String containerLogText(ApplicationId appId, String fileName) throws IOException {
        return readAll(containerLogs(appId, fileName));
    }

    /** The files' contents, one after the other. */
    static String readAll(List<Path> files) {
        StringBuilder sb = new StringBuilder();
        for (Path p : files) {
            try {
                sb.append(Files.readString(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }

    /** The AM's log and stdout/stderr, for failure messages. */
    public String amLogs(ApplicationId appId) {
        StringBuilder sb = new StringBuilder();
        try {
            for (String name : new String[] {"jobmanager.err", "jobmanager.out", "jobmanager.log"}) {
                for (Path p : containerLogs(appId, name)) {
                    List<String> lines = Files.readAllLines(p);
                    sb.append("\n--- ").append(p).append(" (last 60 lines) ---\n");
                    lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(l -> sb.append(l).append('\n'));
                }
            }
        } catch (IOException e) {
            sb.append("(could not read AM logs: ").append(e).append(")");
        }
        return sb.toString();
    }

    /** Copies what the CLI prints into the test's output too, for diagnosis. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
