package dev.spindle.localcluster;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HDFS (one DataNode) + YARN (one ResourceManager, N NodeManagers) cluster in this JVM, on
 * loopback, with the settings that make it usable on a small shared machine (YARN-NOTES.md). It
 * writes a minimal Hadoop conf dir that clients and containers can read.
 */
public final class LocalYarnCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalYarnCluster.class);

    private final Path baseDir;
    private final String name;
    private final int numNodeManagers;
    private final FixedPorts fixedPorts;
    private final Map<String, String> overrides;

    private MiniDFSCluster dfs;
    private MiniYARNCluster yarn;
    private Path confDir;
    private Configuration clientConf;

    /** Ports for a cluster other processes must find again (the standalone one); null means any free ports. */
    public record FixedPorts(int nameNodePort, int nameNodeHttpPort, int rmPort, int rmSchedulerPort,
            int rmTrackerPort, int rmAdminPort, int rmWebPort) {
    }

    public LocalYarnCluster(Path baseDir, String name, int numNodeManagers, FixedPorts fixedPorts) {
        this(baseDir, name, numNodeManagers, fixedPorts, Map.of());
    }

    /** @param overrides Hadoop settings on top of the defaults, e.g. log aggregation or the pmem check for one test class */
    public LocalYarnCluster(Path baseDir, String name, int numNodeManagers, FixedPorts fixedPorts, Map<String, String> overrides) {
        this.baseDir = baseDir.toAbsolutePath();
        this.name = name;
        this.numNodeManagers = numNodeManagers;
        this.fixedPorts = fixedPorts;
        this.overrides = Map.copyOf(overrides);
    }

    /** Starts HDFS, then YARN, waits until every NodeManager is RUNNING, and writes the conf dir. */
    public LocalYarnCluster start(Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        Files.createDirectories(baseDir);
        try {
            YarnConfiguration conf = baseConfiguration();
            MiniDFSCluster.Builder dfsBuilder = new MiniDFSCluster.Builder(conf, baseDir.resolve("dfs").toFile())
                    .numDataNodes(1).format(true).checkExitOnShutdown(false);
            if (fixedPorts != null) {
                dfsBuilder.nameNodePort(fixedPorts.nameNodePort()).nameNodeHttpPort(fixedPorts.nameNodeHttpPort());
            }
            dfs = dfsBuilder.build();
            dfs.waitActive();
            String fsUri = dfs.getURI().toString();
            conf.set(FileSystem.FS_DEFAULT_NAME_KEY, fsUri);

            yarn = new MiniYARNCluster(name, numNodeManagers, 1, 1);
            yarn.init(conf);
            yarn.start();
            waitForRunningNodeManagers(yarn.getConfig(), timeout);
            GuiceFilterIsolation.apply(yarn, numNodeManagers);
            clientConf = minimalClientConfiguration(yarn.getConfig(), fsUri);
            // The RM writes its web port into its own conf only once bound (port 0 before).
            clientConf.set(YarnConfiguration.RM_WEBAPP_ADDRESS,
                    yarn.getResourceManager().getConfig().get(YarnConfiguration.RM_WEBAPP_ADDRESS));
            confDir = writeConfDir(baseDir.resolve("conf"), clientConf);
            LOG.info("Local YARN cluster '{}' up in {} ms: fs {}, ResourceManager {}, {} NodeManagers, conf dir {}", name,
                    (System.nanoTime() - t0) / 1_000_000, fsUri, clientConf.get(YarnConfiguration.RM_ADDRESS),
                    numNodeManagers, confDir);
            return this;
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private YarnConfiguration baseConfiguration() {
        YarnConfiguration conf = new YarnConfiguration();
        // Every request would otherwise be rounded up to 1 GB.
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, 4096);
        conf.setInt(YarnConfiguration.NM_PMEM_MB, 4096);
        // A fuller disk than the default 90% would mark NodeManagers UNHEALTHY and apps would sit in ACCEPTED.
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100.0f);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        // Without these two, stopping the NodeManagers takes ~30 s.
        conf.setLong(YarnConfiguration.NM_LOG_RETAIN_SECONDS, 0);
        conf.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, 600);
        conf.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 2);
        // The default 10 % of the queue fits one 1 GB ApplicationMaster: a session and two
        // application-mode jobs must run side by side.
        conf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 0.5f);
        // Logs of ended applications go to the mini HDFS, where 'spindle logs' reads them.
        conf.setBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, true);
        conf.set(YarnConfiguration.NM_REMOTE_APP_LOG_DIR, "/tmp/app-logs");
        conf.setInt("dfs.replication", 1);
        // Our own containers bring their jars; the cluster's defaults point at a Hadoop install we do not have.
        conf.set(YarnConfiguration.YARN_APPLICATION_CLASSPATH, "");
        if (fixedPorts != null) {
            String host = "localhost";
            conf.setBoolean(YarnConfiguration.YARN_MINICLUSTER_FIXED_PORTS, true);
            conf.setBoolean(YarnConfiguration.YARN_MINICLUSTER_USE_RPC, true);
            conf.set(YarnConfiguration.RM_HOSTNAME, host);
            conf.set(YarnConfiguration.RM_ADDRESS, host + ":" + fixedPorts.rmPort());
            conf.set(YarnConfiguration.RM_SCHEDULER_ADDRESS, host + ":" + fixedPorts.rmSchedulerPort());
            conf.set(YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS, host + ":" + fixedPorts.rmTrackerPort());
            conf.set(YarnConfiguration.RM_ADMIN_ADDRESS, host + ":" + fixedPorts.rmAdminPort());
            conf.set(YarnConfiguration.RM_WEBAPP_ADDRESS, host + ":" + fixedPorts.rmWebPort());
            // Two NodeManagers in one process must not share ports.
            conf.set(YarnConfiguration.NM_ADDRESS, host + ":0");
            conf.set(YarnConfiguration.NM_LOCALIZER_ADDRESS, host + ":0");
            conf.set(YarnConfiguration.NM_WEBAPP_ADDRESS, host + ":0");
            conf.set(YarnConfiguration.NM_COLLECTOR_SERVICE_ADDRESS, host + ":0");
        }
        overrides.forEach(conf::set);
        return conf;
    }

    private void waitForRunningNodeManagers(Configuration conf, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (YarnClient client = YarnClient.createYarnClient()) {
            client.init(conf);
            client.start();
            while (true) {
                int running = client.getNodeReports(NodeState.RUNNING).size();
                if (running >= numNodeManagers) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + running + " of " + numNodeManagers
                            + " NodeManagers RUNNING after " + timeout.toSeconds() + " s; see their health reports in the RM log");
                }
                Thread.sleep(100); // polling the RM: there is no callback for node state changes
            }
        }
    }

    /**
     * Only what clients and containers need. The full cluster conf must not be shipped: it names
     * classes from Hadoop's test jars (e.g. StaticMapping) that a container cannot load.
     */
    private static Configuration minimalClientConfiguration(Configuration full, String fsUri) {
        Configuration c = new Configuration(false);
        c.set(FileSystem.FS_DEFAULT_NAME_KEY, fsUri);
        c.set("dfs.replication", "1");
        for (String key : new String[] {YarnConfiguration.RM_ADDRESS, YarnConfiguration.RM_SCHEDULER_ADDRESS,
                YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS, YarnConfiguration.RM_ADMIN_ADDRESS,
                YarnConfiguration.RM_WEBAPP_ADDRESS, YarnConfiguration.RM_HOSTNAME,
                YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB,
                YarnConfiguration.YARN_APPLICATION_CLASSPATH, YarnConfiguration.LOG_AGGREGATION_ENABLED,
                YarnConfiguration.NM_REMOTE_APP_LOG_DIR, YarnConfiguration.NM_REMOTE_APP_LOG_DIR_SUFFIX}) {
            String value = full.get(key);
            if (value != null) {
                c.set(key, value);
            }
        }
        return c;
    }

    private static Path writeConfDir(Path dir, Configuration conf) throws IOException {
        Files.createDirectories(dir);
        Map<String, Configuration> files = new LinkedHashMap<>();
        files.put("core-site.xml", new Configuration(false));
        files.put("hdfs-site.xml", new Configuration(false));
        files.put("yarn-site.xml", new Configuration(false));
        for (Map.Entry<String, String> e : conf) {
            // yarn.* keys in core-site.xml would be overridden by yarn-default.xml.
            String file = e.getKey().startsWith("yarn.") ? "yarn-site.xml"
                    : e.getKey().startsWith("dfs.") ? "hdfs-site.xml" : "core-site.xml";
            files.get(file).set(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Configuration> f : files.entrySet()) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(f.getKey()))) {
                f.getValue().writeXml(out);
            }
        }
        return dir;
    }

    /** The Hadoop conf dir clients use (HADOOP_CONF_DIR). */
    public Path getConfDir() {
        return confDir;
    }

    /** The configuration a client of this cluster uses (what the conf dir holds). */
    public Configuration getClientConfiguration() {
        return new Configuration(clientConf);
    }

    public String getFileSystemUri() {
        return clientConf.get(FileSystem.FS_DEFAULT_NAME_KEY);
    }

    public String getResourceManagerAddress() {
        return clientConf.get(YarnConfiguration.RM_ADDRESS);
    }

    public String getResourceManagerWebUrl() {
        return "http://" + clientConf.get(YarnConfiguration.RM_WEBAPP_ADDRESS);
    }

    public FileSystem getFileSystem() throws IOException {
        return dfs.getFileSystem();
    }

    /**
     * Stops the NameNode, keeps it down for {@code downtime}, and starts it again on the same
     * port over the same metadata (a NameNode restart as an operator does one), returning once
     * it is active and out of safe mode.
     */
    public void restartNameNode(Duration downtime) throws IOException, InterruptedException {
        dfs.shutdownNameNode(0);
        LOG.info("NameNode of local cluster '{}' stopped; down for {} ms", name, downtime.toMillis());
        Thread.sleep(downtime.toMillis()); // the outage itself is what is being simulated
        dfs.restartNameNode(0, true);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (dfs.getNameNode(0).isInSafeMode()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the restarted NameNode is still in safe mode after 60 s");
            }
            Thread.sleep(100); // safe mode ends on block reports; the NameNode has no callback for it
        }
        LOG.info("NameNode of local cluster '{}' restarted at {}", name, dfs.getURI());
    }

    public MiniYARNCluster getYarnCluster() {
        return yarn;
    }

    public int getNumNodeManagers() {
        return numNodeManagers;
    }

    /**
     * Each NodeManager's container log dirs. Tests read container logs from here rather than
     * walking the whole work dir, whose local dirs NodeManagers create and rename while localizing.
     */
    public List<Path> getNodeManagerLogDirs() {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < numNodeManagers; i++) {
            for (String dir : yarn.getNodeManager(i).getConfig().getTrimmedStrings(YarnConfiguration.NM_LOG_DIRS)) {
                dirs.add(Path.of(dir.startsWith("file:") ? URI.create(dir).getPath() : dir));
            }
        }
        return dirs;
    }

    public Path getBaseDir() {
        return baseDir;
    }

    /** Stops YARN, then HDFS, and removes every directory the cluster used. */
    @Override
    public void close() {
        long t0 = System.nanoTime();
        File yarnWorkDir = yarn == null ? null : yarn.getTestWorkDir();
        if (yarn != null) {
            try {
                yarn.stop();
            } catch (RuntimeException e) {
                LOG.warn("Stopping YARN of local cluster '{}' failed", name, e);
            }
            yarn = null;
        }
        if (dfs != null) {
            try {
                dfs.shutdown(true);
            } catch (RuntimeException e) {
                LOG.warn("Stopping HDFS of local cluster '{}' failed", name, e);
            }
            dfs = null;
        }
        if (yarnWorkDir != null) {
            FileUtil.fullyDelete(yarnWorkDir);
        }
        FileUtil.fullyDelete(baseDir.toFile());
        LOG.info("Local YARN cluster '{}' stopped in {} ms", name, (System.nanoTime() - t0) / 1_000_000);
    }
}
