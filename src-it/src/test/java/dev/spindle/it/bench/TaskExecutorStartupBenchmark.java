package dev.spindle.it.bench;

import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.security.Credentials;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.RpcOptions;
import dev.spindle.configuration.memory.TaskExecutorProcessSpec;
import dev.spindle.runtime.rpc.RpcKeepAlive;
import dev.spindle.runtime.rpc.RpcServer;
import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.HeartbeatResponse;
import dev.spindle.runtime.rpc.proto.RegisterTaskExecutorRequest;
import dev.spindle.runtime.rpc.proto.ResourceManagerServiceGrpc;
import dev.spindle.runtime.rpc.proto.TaskExecutorHeartbeat;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.yarn.client.deployment.FrameworkClasspath;
import dev.spindle.yarn.common.ContainerLayout;
import dev.spindle.yarn.common.ContainerSecrets;
import dev.spindle.yarn.common.EntrypointMode;
import dev.spindle.yarn.common.LaunchSpec;
import dev.spindle.yarn.common.LaunchSpecFile;
import io.grpc.stub.StreamObserver;

/**
 * Times one TaskExecutor JVM from its start to its registration, without YARN around it: a
 * container dir laid out as the NodeManager does (framework jars linked under {@code lib/}, the
 * shipped log config, a launch spec, credentials holding the cluster secret), the TaskExecutor's
 * own main class and command line, and an in-process resource manager that accepts it. Prints each
 * run's phases (from the TaskExecutor's log, and the registration as the resource manager saw it)
 * and their medians, beside the JVM's CPU time, which a loaded machine disturbs less than wall time.
 * Faster to iterate on than {@code tools/bench-application}, which pays for a whole application.
 *
 * <p>{@code TaskExecutorStartupBenchmark [--runs 5] [--jvm-arg <flag>]... [-Dkey=value]...}: dynamic
 * properties go into the launch spec's configuration; {@code tools/bench-te-startup}.
 */
public final class TaskExecutorStartupBenchmark {

    private static final Pattern PHASE = Pattern.compile("phase=(\\S+) at=(\\d+)");
    private static final String LISTENING = "RPC server listening";

    private TaskExecutorStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        List<String> extraJvmArgs = new ArrayList<>();
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("taskmanager.memory.process.size", "1g");
        conf.put("taskmanager.numberOfTaskSlots", "1");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--jvm-arg")) {
                extraJvmArgs.add(args[++i]);
            } else if (args[i].startsWith("-D") && args[i].contains("=")) {
                String kv = args[i].substring(2);
                conf.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        BenchWorkDir work = BenchWorkDir.create("spindle-te-startup-");
        Path base = work.path();
        Path dir = containerDir(base, conf);
        ClusterSecret secret = ClusterSecret.generate();
        writeCredentials(dir.resolve("container_tokens"), secret);
        Configuration serverConf = new Configuration();
        conf.forEach(serverConf::setString);
        FakeResourceManager rm = new FakeResourceManager();
        RpcServer server = RpcServer.start("127.0.0.1", 0, secret.withTransport(
                dev.spindle.runtime.security.tls.TransportSecurity.from(serverConf)), serverConf.get(RpcOptions.MAX_MESSAGE_BYTES),
                List.of(rm), RpcKeepAlive.from(serverConf));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Configuration teConf = new Configuration();
        conf.forEach(teConf::setString);
        command.addAll(TaskExecutorProcessSpec.fromConfiguration(teConf).jvmArgs());
        command.addAll(extraJvmArgs);
        command.add("-Dlog.file=" + dir.resolve("taskmanager.log"));
        command.add("-Dlog4j.configurationFile=" + ContainerLayout.confFile(ContainerLayout.LOG4J_FILE));
        command.add("dev.spindle.yarn.te.YarnTaskExecutorRunner");
        command.add("127.0.0.1");
        command.add(Integer.toString(server.getPort()));
        Map<String, List<Long>> byPhase = new LinkedHashMap<>();
        try {
            for (int run = 0; run <= runs; run++) {
                Map<String, Long> phases = runOnce(dir, command, rm, "container_bench_0001_01_" + String.format("%06d", run + 2));
                // run 0 warms the page cache, like a NodeManager that localized these jars before
                if (run > 0) {
                    phases.forEach((k, v) -> byPhase.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                }
                System.out.printf(Locale.ROOT, "%s %s%n", run == 0 ? "warm-up" : "run " + run, phases);
            }
        } finally {
            server.close();
            work.close();
        }
        System.out.printf(Locale.ROOT, "%nTaskExecutor startup, ms from JVM start (medians of %d runs; load %s)%n", runs,
                loadAverage());
        byPhase.forEach((k, v) -> {
            Collections.sort(v);
            System.out.printf(Locale.ROOT, "  %-40s %6d%n", k, v.get(v.size() / 2));
        });
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The container's working dir: jars under lib/ in the client's order, conf/, the launch spec. */
    private static Path containerDir(Path base, Map<String, String> conf) throws IOException {
        Path dir = Files.createDirectories(base.resolve("container"));
        Path lib = Files.createDirectories(dir.resolve(ContainerLayout.LIB_DIR));
        List<String> classpath = new ArrayList<>();
        classpath.add(ContainerLayout.CONF_DIR);
        for (Path jar : FrameworkClasspath.fromClasspath(System.getProperty("java.class.path"), base.resolve("packed"))) {
            Path link = lib.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar);
            }
        }
        try (var jars = Files.list(lib)) {
            jars.map(p -> ContainerLayout.LIB_DIR + "/" + p.getFileName()).sorted().forEach(classpath::add);
        }
        Path confDir = Files.createDirectories(dir.resolve(ContainerLayout.CONF_DIR));
        Files.copy(Path.of(System.getProperty("spindle.conf.dir", "conf")).resolve(ContainerLayout.LOG4J_FILE),
                confDir.resolve(ContainerLayout.LOG4J_FILE));
        // A staging dir on HDFS, as a YARN deployment has: the TaskExecutor prepares its file system client for it.
        LaunchSpec spec = new LaunchSpec(LaunchSpecFile.VERSION, EntrypointMode.SESSION, "hdfs://127.0.0.1:9/user/bench/.spindle/app",
                conf, List.of(), classpath, Map.of(), null, null, List.of(), null);
        LaunchSpecFile.write(spec, dir.resolve(ContainerLayout.LAUNCH_SPEC_FILE));
        Files.writeString(dir.resolve("classpath.txt"), String.join(File.pathSeparator, classpath), StandardCharsets.UTF_8);
        return dir;
    }

    private static void writeCredentials(Path file, ClusterSecret secret) throws IOException {
        Credentials credentials = new Credentials();
        ContainerSecrets.addTo(credentials, secret);
        try (OutputStream out = Files.newOutputStream(file); DataOutputStream data = new DataOutputStream(out)) {
            credentials.writeTokenStorageToStream(data);
        }
    }

    private static Map<String, Long> runOnce(Path dir, List<String> command, FakeResourceManager rm, String containerId)
            throws Exception {
        Path log = dir.resolve("taskmanager.log");
        Files.deleteIfExists(log);
        CompletableFuture<Long> registered = rm.expect(containerId);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("taskmanager.out").toFile());
        pb.environment().put("CLASSPATH", Files.readString(dir.resolve("classpath.txt")));
        pb.environment().put("CONTAINER_ID", containerId);
        pb.environment().put("PWD", dir.toString());
        pb.environment().put("HADOOP_TOKEN_FILE_LOCATION", dir.resolve("container_tokens").toString());
        pb.environment().put("HADOOP_USER_NAME", System.getProperty("user.name"));
        Process p = pb.start();
        long registeredAt;
        java.time.Duration cpu;
        try {
            registeredAt = registered.get(120, TimeUnit.SECONDS);
            cpu = p.info().totalCpuDuration().orElse(null);
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        return phasesOf(log, registeredAt, cpu);
    }

    /** The TaskExecutor's phase lines and its RPC server's start, as ms from its JVM start. */
    private static Map<String, Long> phasesOf(Path log, long registeredAt, java.time.Duration cpu) throws IOException {
        Map<String, Long> at = new LinkedHashMap<>();
        Long jvmStart = null;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = PHASE.matcher(line);
            if (m.find()) {
                long t = Long.parseLong(m.group(2));
                if (m.group(1).equals("te-jvm-started")) {
                    jvmStart = t;
                }
                at.putIfAbsent(m.group(1), t);
            } else if (line.contains(LISTENING)) {
                at.putIfAbsent("rpc-server-listening (log time)", logTime(line));
            }
        }
        if (jvmStart == null) {
            throw new IllegalStateException("no te-jvm-started line in " + log);
        }
        at.put("registered (seen by the RM)", registeredAt);
        Map<String, Long> relative = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : at.entrySet()) {
            relative.put(e.getKey(), e.getValue() - jvmStart);
        }
        if (cpu != null) {
            relative.put("CPU time of the JVM when registered", cpu.toMillis());
        }
        return relative;
    }

    private static long logTime(String line) {
        // "2026-12-02 13:20:44,169 ..." in the JVM's zone, as log4j2's default date pattern writes it
        java.time.LocalDateTime t = java.time.LocalDateTime.parse(line.substring(0, 23).replace(' ', 'T').replace(',', '.'));
        return t.atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    /** Accepts every registration and heartbeat; tells the benchmark when a TaskExecutor registered. */
    private static final class FakeResourceManager extends ResourceManagerServiceGrpc.ResourceManagerServiceImplBase {

        private final Map<String, CompletableFuture<Long>> expected = new java.util.concurrent.ConcurrentHashMap<>();

        CompletableFuture<Long> expect(String resourceId) {
            return expected.computeIfAbsent(resourceId, k -> new CompletableFuture<>());
        }

        @Override
        public void registerTaskExecutor(RegisterTaskExecutorRequest request, StreamObserver<Ack> response) {
            expect(request.getResourceId()).complete(System.currentTimeMillis());
            response.onNext(Ack.newBuilder().setAccepted(true).build());
            response.onCompleted();
        }

        @Override
        public void heartbeat(TaskExecutorHeartbeat request, StreamObserver<HeartbeatResponse> response) {
            response.onNext(HeartbeatResponse.newBuilder().setKnown(true).build());
            response.onCompleted();
        }
    }
}
