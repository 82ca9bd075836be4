package dev.spindle.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.yarn.client.localcluster.LocalClusterCommand;
import dev.spindle.yarn.client.localcluster.LocalClusterState;

/** {@code spindle local-cluster start|status|stop} with a real background JVM. */
class LocalClusterCommandTest {

    @TempDir
    Path home;

    private LocalClusterCommand.Options options;
    private final LocalClusterCommand command =
            new LocalClusterCommand(System.getProperty("java.class.path"), Duration.ofSeconds(90));

    @AfterEach
    void stopLeftovers() throws Exception {
        if (options != null) {
            command.run("stop", options, new PrintStream(new ByteArrayOutputStream()), System.err);
        }
    }

    @Test
    void startStatusStop() throws Exception {
        // A port range away from the default so that a developer's own local cluster does not clash.
        options = new LocalClusterCommand.Options(home, 18620);
        Out out = new Out();
        Out err = new Out();

        assertEquals(1, command.run("status", options, out.stream, err.stream));
        assertTrue(out.text().contains("No local cluster is running"), out.text());

        assertEquals(0, command.run("start", options, out.stream, err.stream), err.text());
        LocalClusterState state = LocalClusterState.readLive(home).orElseThrow();
        assertTrue(out.text().contains("HADOOP_CONF_DIR=" + state.confDir()), out.text());
        assertTrue(state.rmAddress().endsWith(":18622"), state.rmAddress());

        Configuration conf = new YarnConfiguration(new Configuration(false));
        conf.addResource(new org.apache.hadoop.fs.Path(state.confDir().resolve("yarn-site.xml").toUri()));
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(conf);
            yarn.start();
            assertEquals(2, yarn.getNodeReports(NodeState.RUNNING).size());
        }

        assertEquals(0, command.run("status", options, out.stream, err.stream));
        assertTrue(out.text().contains("Local cluster running (pid " + state.pid()), out.text());

        assertEquals(0, command.run("stop", options, out.stream, err.stream));
        assertFalse(ProcessHandle.of(state.pid()).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(LocalClusterState.read(home).isEmpty());
        assertFalse(Files.exists(state.baseDir()), "cluster dirs removed");
        options = null;
    }

    private static final class Out {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
