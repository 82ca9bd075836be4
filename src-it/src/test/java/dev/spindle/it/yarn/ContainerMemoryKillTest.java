package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.it.cluster.LocalYarnClusterExtension;
import dev.spindle.it.programs.MemoryHogProgram;

/**
 * A TaskExecutor killed by its NodeManager for exceeding its physical memory: the AM log and the
 * job's failure name the container and say which keys to raise. Its own cluster, with the
 * NodeManagers' memory monitor on (the mini cluster turns it off by default).
 */
// Generous: on a loaded 2-core machine the TaskExecutor alone can take 20 s to register.
@Timeout(240)
class ContainerMemoryKillTest {

    @RegisterExtension
    static final LocalYarnClusterExtension CLUSTER = new LocalYarnClusterExtension(1, Map.of(
            "yarn.minicluster.control-resource-monitoring", "true",
            "yarn.nodemanager.pmem-check-enabled", "true",
            // Otherwise the monitor leaves memory to cgroups (strict enforcement), which the mini cluster does not use.
            "yarn.nodemanager.resource.memory.enforced", "false",
            "yarn.nodemanager.container-monitor.interval-ms", "500"));

    @TempDir
    static Path tmp;

    private static YarnClient yarn;
    private static FileSystem fs;
    private static YarnCli cli;

    @BeforeAll
    static void setUp() throws Exception {
        yarn = CLUSTER.yarnClient();
        fs = CLUSTER.cluster().getFileSystem();
        cli = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"));
    }

    @Test
    void taskExecutorKilledForPhysicalMemoryGivesTheMemoryAdvice() throws Exception {
        Path jar = UserJars.pack(tmp.resolve("hog.jar"), MemoryHogProgram.class);
        // 1 GB of touched native memory in a 768 MB TaskExecutor container.
        YarnCli.Result result = cli.run("run-application", "-c", MemoryHogProgram.class.getName(), jar.toString(), "1024");
        ApplicationReport app = YarnCli.latestApplication(yarn);
        String context = result + cli.amLogs(app.getApplicationId());

        String advice = "was killed for exceeding its physical memory: raise taskmanager.memory.process.size or the JVM"
                + " overhead keys";
        assertNotEquals(0, result.exitCode(), context);
        assertEquals(FinalApplicationStatus.FAILED, app.getFinalApplicationStatus(), context);
        // The job's failure, as the user sees it and as YARN keeps it.
        assertTrue(result.err().matches("(?s).*TaskExecutor container container_\\S+ on \\S+ " + advice.replace(".", "\\.")
                + ".*"), context);
        assertTrue(app.getDiagnostics().contains(advice), app.getDiagnostics());
        // One line in the AM log.
        long amLines = 0;
        for (Path log : cli.containerLogs(app.getApplicationId(), "jobmanager.log")) {
            amLines += Files.readAllLines(log).stream().filter(l -> l.contains(advice)).count();
        }
        assertTrue(amLines >= 1, context);
        assertTrue(YarnApps.removedSoon(fs, new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".spindle/" + app.getApplicationId())),
                "staging dir removed after the failure");
    }
}
