package dev.spindle.yarn.client.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.runtime.fs.HadoopConfigurations;
import dev.spindle.yarn.client.localcluster.LocalClusterState;

/**
 * Finds the Hadoop configuration of the cluster to deploy to: {@code HADOOP_CONF_DIR}, else
 * {@code YARN_CONF_DIR}, else the conf dir of a running embedded cluster. No HADOOP_CLASSPATH needed:
 * the Hadoop client jars ship with Spindle.
 */
public final class HadoopConfLocator {

    static final String[] SITE_FILES = {"core-site.xml", "hdfs-site.xml", "yarn-site.xml"};

    private final Map<String, String> env;
    private final Path localClusterHome;

    public HadoopConfLocator() {
        this(System.getenv(), LocalClusterState.defaultHome());
    }

    public HadoopConfLocator(Map<String, String> env, Path localClusterHome) {
        this.env = env;
        this.localClusterHome = localClusterHome;
    }

    /** The located conf dir: its site files, where it came from, and whether it is the embedded cluster. */
    public record HadoopConf(Path dir, String source, boolean localCluster, List<Path> siteFiles) {

        /** One line for the user: which configuration the client uses. */
        public String describe() {
            return "Using Hadoop configuration from " + dir + " (" + source + ")";
        }

        static final String IPC_CONNECT_MAX_RETRIES = "ipc.client.connect.max.retries";
        static final String IPC_CONNECT_MAX_RETRIES_ON_TIMEOUTS = "ipc.client.connect.max.retries.on.timeouts";
        static final String IPC_CONNECT_RETRY_INTERVAL = "ipc.client.connect.retry.interval";
        static final String IPC_CONNECT_TIMEOUT = "ipc.client.connect.timeout";

        /**
         * The YARN configuration from the site files, with a short ResourceManager connect wait
         * so that an unreachable RM fails in seconds instead of retrying for 15 minutes.
         */
        public YarnConfiguration toYarnConfiguration(Configuration spindleConf) {
            org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
            for (Path f : siteFiles) {
                hadoop.addResource(new org.apache.hadoop.fs.Path(f.toUri()));
            }
            YarnConfiguration yarn = new YarnConfiguration(hadoop);
            long maxWait = spindleConf.get(YarnConfigOptions.CLIENT_RM_CONNECT_MAX_WAIT).toMillis();
            yarn.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS, maxWait);
            long interval = Math.min(1000, Math.max(100, maxWait / 4));
            yarn.setLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_RETRY_INTERVAL_MS, interval);
            // The RM proxy counts attempts (max-wait / interval), not time: every IPC-level retry
            // inside an attempt (10 by default, 1 s apart) would stretch the wait far past max-wait.
            yarn.setInt(IPC_CONNECT_MAX_RETRIES, 0);
            yarn.setInt(IPC_CONNECT_MAX_RETRIES_ON_TIMEOUTS, 0);
            yarn.setLong(IPC_CONNECT_RETRY_INTERVAL, interval);
            yarn.setLong(IPC_CONNECT_TIMEOUT, Math.min(20_000, Math.max(1000, maxWait / 4)));
            return HadoopConfigurations.withLatencyDefaults(yarn);
        }
    }

    public HadoopConf locate() {
        List<String> tried = new ArrayList<>();
        for (String var : new String[] {"HADOOP_CONF_DIR", "YARN_CONF_DIR"}) {
            String value = env.get(var);
            if (value != null && !value.isBlank()) {
                Path dir = Path.of(value.trim());
                List<Path> files = siteFiles(dir);
                if (!Files.isDirectory(dir)) {
                    throw new IllegalConfigurationException(var + "=" + value + " is not a directory; point it at the dir"
                            + " holding core-site.xml and yarn-site.xml");
                }
                if (files.stream().noneMatch(f -> f.getFileName().toString().equals("yarn-site.xml"))) {
                    throw new IllegalConfigurationException(var + "=" + value + " holds no yarn-site.xml; the client"
                            + " cannot know the ResourceManager's address without it");
                }
                return new HadoopConf(dir, var, false, files);
            }
            tried.add(var);
        }
        Optional<LocalClusterState> local = LocalClusterState.readLive(localClusterHome);
        if (local.isPresent()) {
            Path dir = local.get().confDir();
            return new HadoopConf(dir, "the running local cluster, pid " + local.get().pid(), true, siteFiles(dir));
        }
        throw new IllegalConfigurationException("No Hadoop configuration found: " + String.join(" and ", tried)
                + " are unset and no local cluster is running. Export HADOOP_CONF_DIR=<dir with core-site.xml and"
                + " yarn-site.xml>, or start the embedded cluster with 'spindle local-cluster start'.");
    }

    private static List<Path> siteFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        for (String name : SITE_FILES) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) {
                files.add(f);
            }
        }
        return files;
    }
}
