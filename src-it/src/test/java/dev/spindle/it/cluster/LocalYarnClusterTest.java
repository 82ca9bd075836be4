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

    /**
     * The ResourceManager's UI and REST answer although NodeManagers share its JVM (and Guice's
     * static servlet filter).
     */
    @Test
    void resourceManagerWebUiAndRestAnswer() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String rm = CLUSTER.cluster().getResourceManagerWebUrl();
        java.net.http.HttpResponse<String> info = get(http, rm + "/ws/v1/cluster/info");
        assertEquals(200, info.statusCode(), info.body());
        assertTrue(info.body().contains("clusterInfo"), info.body());
        java.net.http.HttpResponse<String> ui = get(http, rm + "/cluster");
        assertEquals(200, ui.statusCode(), ui.body());
        assertTrue(ui.body().contains("All Applications"), ui.body());
    }

    private static java.net.http.HttpResponse<String> get(java.net.http.HttpClient http, String url) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Accept", url.contains("/ws/") ? "application/json" : "text/html")
                .timeout(java.time.Duration.ofSeconds(30)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** The queue holds a session and two application-mode jobs at once (CapacityScheduler's AM share). */
    @Test
    @org.junit.jupiter.api.Timeout(240)
    void aSessionAndTwoApplicationsRunSideBySide(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        dev.spindle.it.yarn.YarnCli cli = new dev.spindle.it.yarn.YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"));
        Path jar = dev.spindle.it.yarn.UserJars.pack(tmp.resolve("programs.jar"), dev.spindle.it.programs.WaitForFileProgram.class);
        FileSystem fs = CLUSTER.cluster().getFileSystem();
        org.apache.hadoop.fs.Path release = fs.makeQualified(new org.apache.hadoop.fs.Path("/tmp/release-side-by-side"));
        String props = "-Dyarn.properties-file.location=" + tmp.resolve("props");
        java.util.List<org.apache.hadoop.yarn.api.records.ApplicationId> apps = new java.util.ArrayList<>();
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(CLUSTER.cluster().getClientConfiguration());
            yarn.start();
            dev.spindle.it.yarn.YarnCli.Result session = cli.session("-d", "-nm", "side-by-side", props);
            assertEquals(0, session.exitCode(), session.toString());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Spindle session (application_\\d+_\\d+) is running")
                    .matcher(session.out());
            assertTrue(m.find(), session.out());
            org.apache.hadoop.yarn.api.records.ApplicationId sessionId =
                    org.apache.hadoop.yarn.api.records.ApplicationId.fromString(m.group(1));
            try {
                for (int i = 0; i < 2; i++) {
                    dev.spindle.it.yarn.YarnCli.Result r = cli.run("run-application", "-d", "-c",
                            dev.spindle.it.programs.WaitForFileProgram.class.getName(), jar.toString(), release.toString());
                    assertEquals(0, r.exitCode(), r.toString());
                    java.util.regex.Matcher a = java.util.regex.Pattern.compile("Application (application_\\d+_\\d+) submitted")
                            .matcher(r.out());
                    assertTrue(a.find(), r.out());
                    apps.add(org.apache.hadoop.yarn.api.records.ApplicationId.fromString(a.group(1)));
                }
                // Detached run-application returns once its AM runs: all three are RUNNING together.
                for (var id : java.util.List.of(sessionId, apps.get(0), apps.get(1))) {
                    assertEquals(org.apache.hadoop.yarn.api.records.YarnApplicationState.RUNNING,
                            yarn.getApplicationReport(id).getYarnApplicationState(), id.toString());
                }
            } finally {
                fs.create(release, true).close();
                cli.session("-id", sessionId.toString(), "--stop", props);
            }
            for (var id : apps) {
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
                while (yarn.getApplicationReport(id).getFinalApplicationStatus()
                        == org.apache.hadoop.yarn.api.records.FinalApplicationStatus.UNDEFINED && System.nanoTime() < deadline) {
                    Thread.sleep(100); // YARN reports have no change notification
                }
                assertEquals(org.apache.hadoop.yarn.api.records.FinalApplicationStatus.SUCCEEDED,
                        yarn.getApplicationReport(id).getFinalApplicationStatus(), id.toString());
            }
        }
    }
}
