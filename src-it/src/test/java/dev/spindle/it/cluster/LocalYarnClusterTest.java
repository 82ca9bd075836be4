package dev.spindle.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LocalYarnClusterTest {

    @RegisterExtension
    static final LocalYarnClusterExtension CLUSTER = new LocalYarnClusterExtension();

    /** A client that knows nothing but the written conf dir reaches both HDFS and YARN. */
    @Test
    void confDirAloneReachesHdfsAndYarn() throws Exception {
        Path confDir = CLUSTER.confDir();
        Configuration conf = new YarnConfiguration(new Configuration(false));
        for (String f : new String[] {"core-site.xml", "hdfs-site.xml", "yarn-site.xml"}) {
            assertTrue(Files.isRegularFile(confDir.resolve(f)), f);
            conf.addResource(new org.apache.hadoop.fs.Path(confDir.resolve(f).toUri()));
        }
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(conf);
            yarn.start();
            assertEquals(2, yarn.getNodeReports(NodeState.RUNNING).size());
        }
        FileSystem fs = FileSystem.newInstance(conf);
        try {
            assertEquals("hdfs", fs.getUri().getScheme());
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path("/probe");
            fs.create(p).close();
            assertTrue(fs.exists(p));
        } finally {
            fs.close();
        }
    }

    /** yarn.* keys only in yarn-site.xml, and no test-jar classes (StaticMapping) leak into the conf. */
    @Test
    void confDirIsMinimal() throws Exception {
        String core = Files.readString(CLUSTER.confDir().resolve("core-site.xml"));
        String yarnSite = Files.readString(CLUSTER.confDir().resolve("yarn-site.xml"));
        assertFalse(core.contains("<name>yarn."), core);
        assertTrue(yarnSite.contains(YarnConfiguration.RM_ADDRESS), yarnSite);
        assertFalse((core + yarnSite).contains("StaticMapping"));
        Configuration c = new Configuration(false);
        c.addResource(new org.apache.hadoop.fs.Path(CLUSTER.confDir().resolve("core-site.xml").toUri()));
        assertNull(c.get("net.topology.node.switch.mapping.impl"));
        assertNotNull(c.get("fs.defaultFS"));
    }
}
