package dev.spindle.it.yarn;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.configuration.Configuration;
import dev.spindle.localcluster.LocalYarnCluster;
import dev.spindle.it.programs.EndlessStreamProgram;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.yarn.client.ClusterClients;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.ClusterNotReadyException;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.JobListing;
import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.cli.CliFrontend;
import dev.spindle.yarn.client.cli.LocalClusterControl;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.localcluster.LocalClusterCommand;

/**
 * Benchmark (a program, not a test): per-job vs application mode on an embedded HDFS + YARN
 * cluster, detached. For each run it prints the time from CLI start to the detached client's
 * return, and from CLI start to the job being RUNNING (seen over the AM's REST API); then the
 * median per mode. The CLI runs in this JVM (no JVM start counted); the job is a streaming job
 * that runs until the benchmark kills its application. Args: [runs per mode, default 5].
 *
 * <p>Run: {@code mvn -o -q test-compile -pl src-it -am && mvn -o -q -pl src-it dependency:build-classpath
 * -Dmdep.outputFile=cp.txt} then {@code java --add-opens=java.base/java.lang=ALL-UNNAMED -cp
 * src-it/target/test-classes:src-it/target/classes:$(cat src-it/cp.txt) dev.spindle.it.yarn.DeploymentLatencyBenchmark 5}.
 */
public final class DeploymentLatencyBenchmark {

    private static final EnumSet<YarnApplicationState> ENDED =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    private DeploymentLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path base = Files.createTempDirectory("spindle-deploy-bench");
        try (LocalYarnCluster cluster = new LocalYarnCluster(base, "bench", 2, null).start(Duration.ofSeconds(120))) {
            Path jar = UserJars.pack(base.resolve("endless.jar"), EndlessStreamProgram.class);
            Map<String, String> env = Map.of("HADOOP_CONF_DIR", cluster.getConfDir().toString());
            HadoopConfLocator locator = new HadoopConfLocator(env, base.resolve("no-local-cluster"));
            ClusterClients clients = new ClusterClients(locator);
            CliFrontend cliFrontend = new CliFrontend(env, clients,
                    LocalClusterControl.of(new LocalClusterCommand(System.getProperty("java.class.path"))));
            Configuration conf = new Configuration();
            YarnConfiguration yarnConf = locator.locate().toYarnConfiguration(conf);
            YarnClient yarn = YarnClient.createYarnClient();
            yarn.init(yarnConf);
            yarn.start();
            try {
                String[][] modes = {
                    {"per-job", "run", "-t", "yarn-per-job"},
                    {"application", "run-application", "-t", "yarn-application"}};
                Map<String, List<long[]>> results = new java.util.LinkedHashMap<>();
                // One warm-up per mode (class loading, framework jar cache), then alternating runs.
                for (int run = -1; run < runs; run++) {
                    for (String[] mode : modes) {
                        long[] t = once(mode, jar, cliFrontend, clients, yarn);
                        if (run >= 0) {
                            results.computeIfAbsent(mode[0], k -> new ArrayList<>()).add(t);
                            System.out.printf("%-12s run %d: client exit %5d ms, job RUNNING %5d ms%n", mode[0], run + 1, t[0], t[1]);
                        }
                    }
                }
                System.out.println();
                System.out.printf("Median of %d runs (embedded cluster, detached, CLI in-process):%n", runs);
                for (Map.Entry<String, List<long[]>> e : results.entrySet()) {
                    System.out.printf("%-12s CLI start -> detached client exit: %5d ms   CLI start -> job RUNNING: %5d ms%n",
                            e.getKey(), median(e.getValue(), 0), median(e.getValue(), 1));
                }
            } finally {
                yarn.stop();
            }
        }
    }

    private static long[] once(String[] mode, Path jar, CliFrontend cliFrontend, ClusterClients clients, YarnClient yarn)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] cli = {mode[1], "-t", mode[3], "-d", "-Djobmanager.memory.process.size=768m",
            "-Dtaskmanager.memory.process.size=768m", "-Dtaskmanager.numberOfTaskSlots=1", "-Dyarn.container.java-home.from-client=true",
            "-c", EndlessStreamProgram.class.getName(), jar.toString()};
        long t0 = System.nanoTime();
        int code = cliFrontend.execute(cli, quiet, quiet);
        long exit = System.nanoTime() - t0;
        String text = out.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("Application (application_\\d+_\\d+) submitted").matcher(text);
        if (code != 0 || !m.find()) {
            throw new IllegalStateException(mode[0] + " submission failed (exit " + code + "):\n" + text);
        }
        ApplicationId appId = ApplicationId.fromString(m.group(1));
        long running = -1;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Configuration named = new Configuration();
        named.set(YarnConfigOptions.APPLICATION_ID, appId.toString());
        try (ClusterClient c = clients.create(DeploymentTarget.parse(mode[3]), named, ProgressListener.SILENT)) {
            while (running < 0 && System.nanoTime() < deadline) {
                try {
                    JobListing listing = c.listJobs();
                    if (listing.application().ended()) {
                        throw new IllegalStateException(mode[0] + " application ended before its job ran: "
                                + listing.application());
                    }
                    if (listing.jobs().stream().anyMatch(j -> j.status().equals("RUNNING"))) {
                        running = System.nanoTime() - t0;
                    }
                } catch (ClusterNotReadyException e) {
                    // REST not up yet: ask again
                }
                if (running < 0) {
                    Thread.sleep(20); // resolution of the RUNNING figure; nothing notifies of a job state change
                }
            }
        }
        yarn.killApplication(appId);
        while (!ENDED.contains(yarn.getApplicationReport(appId).getYarnApplicationState())) {
            Thread.sleep(100); // the next run needs the queue's AM share back
        }
        return new long[] {exit / 1_000_000, running / 1_000_000};
    }

    private static long median(List<long[]> values, int index) {
        List<Long> sorted = new ArrayList<>();
        values.forEach(v -> sorted.add(v[index]));
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
