package dev.spindle.yarn.client.localcluster;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code spindle local-cluster start|stop|status}: runs the embedded YARN + HDFS cluster in a
 * background JVM (so that it outlives the CLI), stops it, or tells whether it runs.
 */
public final class LocalClusterCommand {

    /** System property (set by bin/spindle) with the classpath of the dist's {@code opt/local-cluster}. */
    public static final String CLASSPATH_PROPERTY = "spindle.local-cluster.classpath";
    /** Environment variable alternative to {@link #CLASSPATH_PROPERTY}. */
    public static final String CLASSPATH_ENV = "SPINDLE_LOCAL_CLUSTER_CLASSPATH";

    static final String MAIN_CLASS = "dev.spindle.localcluster.LocalClusterMain";
    public static final int DEFAULT_PORT_BASE = 18020;

    private final String clusterClasspath;
    private final Duration startTimeout;

    /** Options of the three verbs: the state dir and the first of the seven fixed ports. */
    public record Options(Path home, int portBase) {
        public static Options parse(String[] args) {
            Path home = LocalClusterState.defaultHome();
            int portBase = DEFAULT_PORT_BASE;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--home" -> home = Path.of(value(args, ++i, "--home"));
                    case "--port-base" -> {
                        String v = value(args, ++i, "--port-base");
                        try {
                            portBase = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--port-base expects a port number, got '" + v + "'");
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + args[i]
                            + "' for local-cluster; known: --home <dir>, --port-base <port>");
                }
            }
            return new Options(home.toAbsolutePath(), portBase);
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[i];
        }
    }

    public LocalClusterCommand(String clusterClasspath) {
        this(clusterClasspath, Duration.ofSeconds(120));
    }

    public LocalClusterCommand(String clusterClasspath, Duration startTimeout) {
        this.clusterClasspath = clusterClasspath;
        this.startTimeout = startTimeout;
    }

    /** The classpath bin/spindle announces, else this JVM's (tests, IDE). */
    public static LocalClusterCommand fromEnvironment() {
        String cp = System.getProperty(CLASSPATH_PROPERTY);
        if (cp == null || cp.isBlank()) {
            cp = System.getenv(CLASSPATH_ENV);
        }
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return new LocalClusterCommand(cp);
    }

    /** Runs {@code start}, {@code stop} or {@code status}; returns the exit code. */
    public int run(String verb, Options options, PrintStream out, PrintStream err) throws Exception {
        return switch (verb) {
            case "start" -> start(options, out, err);
            case "stop" -> stop(options, out);
            case "status" -> status(options, out);
            default -> {
                err.println("unknown local-cluster action '" + verb + "'; use start, stop or status");
                yield 2;
            }
        };
    }

    int start(Options options, PrintStream out, PrintStream err) throws Exception {
        Optional<LocalClusterState> running = LocalClusterState.readLive(options.home());
        if (running.isPresent()) {
            out.println("A local cluster is already running (pid " + running.get().pid() + "); HADOOP_CONF_DIR="
                    + running.get().confDir());
            return 0;
        }
        LocalClusterState.createOwnerOnlyHome(options.home());
        LocalClusterState.delete(options.home());
        Path log = options.home().resolve("local-cluster.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The RM/NM web apps (Guice 4) reflect into java.lang on Java 17.
        command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        command.add("-Xmx768m");
        command.add("-cp");
        command.add(clusterClasspath);
        command.add(MAIN_CLASS);
        command.add("run");
        command.add("--home");
        command.add(options.home().toString());
        command.add("--port-base");
        command.add(Integer.toString(options.portBase()));
        // The working dir matters: MiniYARNCluster puts its dirs under ./target.
        Process process = new ProcessBuilder(command).directory(options.home().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<LocalClusterState> state = LocalClusterState.read(options.home());
            if (state.isPresent() && state.get().pid() == process.pid()) {
                LocalClusterState s = state.get();
                out.println("Local cluster started (pid " + s.pid() + "): HDFS " + s.fsUri() + ", YARN " + s.rmWebUrl());
                out.println("HADOOP_CONF_DIR=" + s.confDir() + "  (used automatically when HADOOP_CONF_DIR and YARN_CONF_DIR are unset)");
                out.println("Log: " + log + "; stop it with 'spindle local-cluster stop'");
                return 0;
            }
            if (!process.isAlive()) {
                err.println("The local cluster process ended with exit code " + process.exitValue() + " before it was ready. Last lines of " + log + ":");
                tail(log, 30).forEach(err::println);
                return 1;
            }
            Thread.sleep(200); // waiting for another process's file: no event to wait on
        }
        process.destroyForcibly();
        err.println("The local cluster was not ready after " + startTimeout.toSeconds() + " s; it was stopped. See " + log);
        return 1;
    }

    int stop(Options options, PrintStream out) throws Exception {
        Optional<LocalClusterState> running = LocalClusterState.readLive(options.home());
        if (running.isEmpty()) {
            LocalClusterState.delete(options.home());
            out.println("No local cluster is running.");
            return 0;
        }
        ProcessHandle handle = ProcessHandle.of(running.get().pid()).orElseThrow();
        handle.destroy();
        try {
            handle.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            handle.destroyForcibly();
            handle.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        LocalClusterState.delete(options.home());
        out.println("Local cluster (pid " + running.get().pid() + ") stopped.");
        return 0;
    }

    int status(Options options, PrintStream out) {
        Optional<LocalClusterState> running = LocalClusterState.readLive(options.home());
        if (running.isEmpty()) {
            out.println("No local cluster is running.");
            return 1;
        }
        LocalClusterState s = running.get();
        out.println("Local cluster running (pid " + s.pid() + "): HDFS " + s.fsUri() + ", YARN " + s.rmWebUrl()
                + ", HADOOP_CONF_DIR=" + s.confDir());
        return 0;
    }

    private static List<String> tail(Path file, int lines) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> all = Files.readAllLines(file);
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }

}
