package dev.spindle.localcluster;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

import dev.spindle.yarn.client.localcluster.LocalClusterCommand;
import dev.spindle.yarn.client.localcluster.LocalClusterState;

/**
 * The embedded cluster as a program. {@code run} hosts the cluster in this process until it is
 * terminated (that is what {@code spindle local-cluster start} spawns); {@code start}, {@code stop}
 * and {@code status} do what the CLI does, with this JVM's classpath.
 */
public final class LocalClusterMain {

    private LocalClusterMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        if (args.length == 0) {
            out.println("usage: LocalClusterMain run|start|stop|status [--home <dir>] [--port-base <port>]");
            System.exit(2);
        }
        LocalClusterCommand.Options options = LocalClusterCommand.Options.parse(Arrays.copyOfRange(args, 1, args.length));
        if (!args[0].equals("run")) {
            LocalClusterCommand command = new LocalClusterCommand(System.getProperty("java.class.path"));
            System.exit(command.run(args[0], options, out, System.err));
        }
        try {
            System.exit(runInForeground(options, out));
        } catch (Throwable t) {
            // Hadoop's non-daemon threads would keep a failed cluster process alive.
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static int runInForeground(LocalClusterCommand.Options options, PrintStream out) throws Exception {
        Path home = options.home();
        int p = options.portBase();
        LocalYarnCluster.FixedPorts ports = new LocalYarnCluster.FixedPorts(p, p + 1, p + 2, p + 3, p + 4, p + 5, p + 6);
        LocalYarnCluster cluster = new LocalYarnCluster(home.resolve("cluster"), "spindle-local-cluster", 2, ports);
        CountDownLatch stopped = new CountDownLatch(1);
        // 'stop' terminates this process; the hook takes the cluster down and forgets the state.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                LocalClusterState.delete(home);
            } catch (Exception ignored) {
                // the stale file is ignored by readers once the pid is gone
            }
            cluster.close();
            stopped.countDown();
        }, "local-cluster-shutdown"));
        cluster.start(Duration.ofSeconds(120));
        LocalClusterState state = new LocalClusterState(ProcessHandle.current().pid(), cluster.getConfDir(),
                cluster.getBaseDir(), cluster.getFileSystemUri(), cluster.getResourceManagerAddress(),
                cluster.getResourceManagerWebUrl());
        state.write(home);
        out.println("Local cluster running: HDFS " + state.fsUri() + ", YARN " + state.rmWebUrl() + ", HADOOP_CONF_DIR="
                + state.confDir());
        out.flush();
        stopped.await();
        return 0;
    }
}
