package dev.spindle.yarn.client.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.yarn.client.localcluster.LocalClusterState;

class HadoopConfLocatorTest {

    @TempDir
    Path tmp;

    private Path confDir(String name, String rmAddress) throws Exception {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("yarn-site.xml"), "<configuration><property><name>yarn.resourcemanager.address</name>"
                + "<value>" + rmAddress + "</value></property></configuration>");
        Files.writeString(dir.resolve("core-site.xml"), "<configuration/>");
        return dir;
    }

    @Test
    void hadoopConfDirWinsOverYarnConfDirAndIsNamed() throws Exception {
        Path hadoop = confDir("hadoop", "rm-a:8032");
        Path yarn = confDir("yarn", "rm-b:8032");
        HadoopConfLocator.HadoopConf c = new HadoopConfLocator(Map.of("HADOOP_CONF_DIR", hadoop.toString(),
                "YARN_CONF_DIR", yarn.toString()), tmp.resolve("none")).locate();
        assertEquals("Using Hadoop configuration from " + hadoop + " (HADOOP_CONF_DIR)", c.describe());
        YarnConfiguration conf = c.toYarnConfiguration(new Configuration());
        assertEquals("rm-a:8032", conf.get(YarnConfiguration.RM_ADDRESS));
        assertEquals(10_000, conf.getLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS, -1),
                "a short RM connect wait instead of 15 minutes");
    }

    @Test
    void ipcLevelRetriesAreOffSoTheConnectWaitIsTheWholeWait() throws Exception {
        Path hadoop = confDir("hadoop", "rm-a:8032");
        YarnConfiguration conf = new HadoopConfLocator(Map.of("HADOOP_CONF_DIR", hadoop.toString()), tmp.resolve("none"))
                .locate().toYarnConfiguration(new Configuration().set(dev.spindle.configuration.YarnConfigOptions.CLIENT_RM_CONNECT_MAX_WAIT,
                        java.time.Duration.ofSeconds(2)));
        assertEquals(2000, conf.getLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_MAX_WAIT_MS, -1));
        assertEquals(500, conf.getLong(YarnConfiguration.RESOURCEMANAGER_CONNECT_RETRY_INTERVAL_MS, -1));
        assertEquals(0, conf.getInt(HadoopConfLocator.HadoopConf.IPC_CONNECT_MAX_RETRIES, -1));
        assertEquals(0, conf.getInt(HadoopConfLocator.HadoopConf.IPC_CONNECT_MAX_RETRIES_ON_TIMEOUTS, -1));
        assertEquals(1000, conf.getLong(HadoopConfLocator.HadoopConf.IPC_CONNECT_TIMEOUT, -1));
    }

    @Test
    void yarnConfDirIsTheFallback() throws Exception {
        Path yarn = confDir("yarn", "rm-b:8032");
        HadoopConfLocator.HadoopConf c = new HadoopConfLocator(Map.of("YARN_CONF_DIR", yarn.toString()), tmp.resolve("none")).locate();
        assertEquals("YARN_CONF_DIR", c.source());
    }

    @Test
    void aRunningLocalClusterIsUsedWhenNothingIsSet() throws Exception {
        Path dir = confDir("local", "localhost:18022");
        Path home = tmp.resolve("home");
        new LocalClusterState(ProcessHandle.current().pid(), dir, tmp, "hdfs://localhost:18020", "localhost:18022",
                "http://localhost:18026").write(home);
        HadoopConfLocator.HadoopConf c = new HadoopConfLocator(Map.of(), home).locate();
        assertTrue(c.localCluster());
        assertTrue(c.describe().contains("the running local cluster, pid " + ProcessHandle.current().pid()), c.describe());
    }

    @Test
    void aStaleLocalClusterStateIsIgnored() throws Exception {
        Path home = tmp.resolve("home");
        // A pid that cannot be alive: the cluster process died without removing its file.
        new LocalClusterState(Long.MAX_VALUE - 1, tmp, tmp, "hdfs://x", "x:1", "http://x").write(home);
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> new HadoopConfLocator(Map.of(), home).locate());
        assertTrue(e.getMessage().contains("HADOOP_CONF_DIR and YARN_CONF_DIR are unset and no local cluster is running"), e.getMessage());
        assertTrue(e.getMessage().contains("spindle local-cluster start"), e.getMessage());
    }

    @Test
    void aConfDirWithoutYarnSiteIsRejectedWithTheReason() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> new HadoopConfLocator(Map.of("HADOOP_CONF_DIR", empty.toString()), tmp).locate());
        assertTrue(e.getMessage().contains("holds no yarn-site.xml"), e.getMessage());
        e = assertThrows(IllegalConfigurationException.class,
                () -> new HadoopConfLocator(Map.of("HADOOP_CONF_DIR", tmp.resolve("nope").toString()), tmp).locate());
        assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
    }
}
