package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.it.cluster.LocalYarnClusterExtension;
import dev.spindle.it.programs.NoMainProgram;
import dev.spindle.it.programs.WaitForFileProgram;

/**
 * Bad input refused before anything is uploaded or submitted, each with its message and a
 * non-zero exit, nothing left behind; and a deployment stuck in YARN's queue, with the
 * scheduler's diagnostics while it waits and killed by {@code yarn.deployment.timeout} (a session
 * start, as users meet it most).
 */
@Timeout(120)
class DeploymentDiagnosticsTest {

    /**
     * Two queues, one of them stopped; the AM share of a queue small enough that a second
     * application waits for the first one (YARN: "Queue's AM resource limit exceeded").
     */
    @RegisterExtension
    static final LocalYarnClusterExtension CLUSTER = new LocalYarnClusterExtension(2, Map.of(
            "yarn.scheduler.capacity.root.queues", "default,closed",
            "yarn.scheduler.capacity.root.default.capacity", "90",
            "yarn.scheduler.capacity.root.closed.capacity", "10",
            "yarn.scheduler.capacity.root.closed.state", "STOPPED",
            "yarn.scheduler.capacity.maximum-am-resource-percent", "0.15"));

    @TempDir
    static Path tmp;

    private static YarnClient yarn;
    private static FileSystem fs;
    private static YarnCli cli;
    private static Path programsJar;

    @BeforeAll
    static void setUp() throws Exception {
        yarn = CLUSTER.yarnClient();
        fs = CLUSTER.cluster().getFileSystem();
        cli = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"));
        programsJar = UserJars.pack(tmp.resolve("programs.jar"), WaitForFileProgram.class, NoMainProgram.class);
    }

    @Test
    void missingJar() throws Exception {
        assertRefused(cli, "The user jar " + tmp.resolve("missing.jar") + " does not exist",
                "run-application", "-c", WaitForFileProgram.class.getName(), tmp.resolve("missing.jar").toString());
    }

    @Test
    void fileThatIsNotAJar() throws Exception {
        Path notAJar = Files.writeString(tmp.resolve("notes.jar"), "not a zip file");
        assertRefused(cli, "The user jar " + notAJar + " is not a jar file",
                "run-application", "-c", WaitForFileProgram.class.getName(), notAJar.toString());
    }

    @Test
    void mainClassNotInJar() throws Exception {
        assertRefused(cli, "The entry class com.example.Missing is not in the user jar " + programsJar
                + "; check the -c/--class name", "run-application", "-c", "com.example.Missing", programsJar.toString());
    }

    @Test
    void mainClassWithoutMainMethod() throws Exception {
        assertRefused(cli, "The entry class " + NoMainProgram.class.getName() + " in " + programsJar
                + " has no 'public static void main(String[] args)'",
                "run-application", "-c", NoMainProgram.class.getName(), programsJar.toString());
    }

    @Test
    void noClassOptionAndNoManifestMainClass() throws Exception {
        assertRefused(cli, "No entry class: -c/--class is missing and the user jar " + programsJar
                + " has no Main-Class in its manifest", "run-application", programsJar.toString());
    }

    @Test
    void noHadoopConfiguration() throws Exception {
        YarnCli noConf = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"), Map.of());
        assertRefused(noConf, "No Hadoop configuration found: HADOOP_CONF_DIR and YARN_CONF_DIR are unset and no local"
                + " cluster is running", "run-application", "-c", WaitForFileProgram.class.getName(), programsJar.toString());
    }

    @Test
    void unreachableResourceManagerFailsWithinBoundedRetries() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path confDir = Files.createDirectories(tmp.resolve("unreachable-conf"));
        Files.copy(CLUSTER.confDir().resolve("core-site.xml"), confDir.resolve("core-site.xml"));
        org.apache.hadoop.conf.Configuration yarnSite = new org.apache.hadoop.conf.Configuration(false);
        yarnSite.set(YarnConfiguration.RM_ADDRESS, "localhost:" + closedPort);
        try (OutputStream os = Files.newOutputStream(confDir.resolve("yarn-site.xml"))) {
            yarnSite.writeXml(os);
        }
        YarnCli unreachable = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"),
                Map.of("HADOOP_CONF_DIR", confDir.toString()));
        long t0 = System.nanoTime();
        assertRefused(unreachable, "The ResourceManager at localhost:" + closedPort + " is unreachable (gave up after 2 s,"
                + " yarn.client.rm-connect.max-wait)", "run-application", "-Dyarn.client.rm-connect.max-wait=2s",
                "-c", WaitForFileProgram.class.getName(), programsJar.toString());
        System.out.println("unreachable ResourceManager reported after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    @Test
    void queueThatDoesNotExistListsTheQueuesThatDo() throws Exception {
        assertRefused(cli, "The queue 'nosuch' (yarn.application.queue) does not exist. Queues of this cluster: closed"
                + " (STOPPED), default.", "run-application", "-Dyarn.application.queue=nosuch",
                "-c", WaitForFileProgram.class.getName(), programsJar.toString());
    }

    @Test
    void stoppedQueue() throws Exception {
        assertRefused(cli, "The queue 'closed' is STOPPED and accepts no applications", "run-application",
                "-Dyarn.application.queue=closed", "-c", WaitForFileProgram.class.getName(), programsJar.toString());
    }

    @Test
    void appMasterMemoryAboveTheClusterMaximum() throws Exception {
        assertRefused(cli, "jobmanager.memory.process.size asks for 5120 MB but the cluster's largest container is 4096 MB"
                + " (yarn.scheduler.maximum-allocation-mb)", "run-application", "-Djobmanager.memory.process.size=5g",
                "-c", WaitForFileProgram.class.getName(), programsJar.toString());
    }

    @Test
    void taskExecutorMemoryAboveTheClusterMaximum() throws Exception {
        assertRefused(cli, "taskmanager.memory.process.size asks for 6144 MB but the cluster's largest container is 4096 MB",
                "run-application", "-Dtaskmanager.memory.process.size=6g",
                "-c", WaitForFileProgram.class.getName(), programsJar.toString());
    }

    @Test
    void taskExecutorVcoresAboveTheClusterMaximum() throws Exception {
        assertRefused(cli, "yarn.containers.vcores asks for 16 vcores but the cluster's largest container is 4 vcores"
                + " (yarn.scheduler.maximum-allocation-vcores)", "run-application", "-Dyarn.containers.vcores=16",
                "-c", WaitForFileProgram.class.getName(), programsJar.toString());
    }

    @Test
    void memorySettingsTheModelCannotSatisfy() throws Exception {
        assertRefused(cli, "taskmanager.memory.process.size", "run-application", "-Dtaskmanager.memory.process.size=64m",
                "-c", WaitForFileProgram.class.getName(), programsJar.toString());
    }

    @Test
    void moreSlotsThanTheClusterCouldEverGive() throws Exception {
        // 2 NodeManagers of 4096 MB / 8 vcores: 7 TaskExecutors of 768 MB / 2 vcores beside the AM, 2 slots each.
        assertRefused(cli, "The job needs 100 slots (parallelism.default=100) but this cluster can give at most 14: its 2"
                + " running NodeManagers (8192 MB in all) fit 7 TaskExecutors of 768 MB / 2 vcores",
                "run-application", "-p", "100", "-c", WaitForFileProgram.class.getName(), programsJar.toString());
    }

    @Test
    void shipFileThatDoesNotExist() throws Exception {
        Path missing = tmp.resolve("missing-dir");
        assertRefused(cli, "yarn.ship-files names " + missing + ", which does not exist", "run-application",
                "-Dyarn.ship-files=" + missing, "-c", WaitForFileProgram.class.getName(), programsJar.toString());
    }

    @Test
    void providedLibDirThatDoesNotExist() throws Exception {
        String dir = fs.makeQualified(new org.apache.hadoop.fs.Path("/no/such/lib")).toString();
        assertRefused(cli, "yarn.provided.lib.dirs names " + dir + ", which does not exist", "run-application",
                "-Dyarn.provided.lib.dirs=" + dir, "-c", WaitForFileProgram.class.getName(), programsJar.toString());
    }

    @Test
    void providedLibDirThatIsNotWorldReadable() throws Exception {
        org.apache.hadoop.fs.Path dir = fs.makeQualified(new org.apache.hadoop.fs.Path("/private/spindle-lib"));
        fs.mkdirs(dir, new FsPermission((short) 0755));
        fs.setPermission(dir.getParent(), new FsPermission((short) 0700));
        assertRefused(cli, "yarn.provided.lib.dirs: " + dir.getParent() + " is not world-readable (rwx------), so"
                + " NodeManagers cannot share it as a PUBLIC resource", "run-application",
                "-Dyarn.provided.lib.dirs=" + dir, "-c", WaitForFileProgram.class.getName(), programsJar.toString());
    }

    @Test
    void stuckSessionStartShowsYarnDiagnosticsAndIsKilledAtTheDeploymentTimeout() throws Exception {
        // The first application takes the queue's AM share; the second waits for it.
        org.apache.hadoop.fs.Path release = fs.makeQualified(new org.apache.hadoop.fs.Path("/tmp/release-blocker"));
        YarnCli.Result blocker = cli.run("run-application", "-d", "-c", WaitForFileProgram.class.getName(),
                programsJar.toString(), release.toString());
        assertEquals(0, blocker.exitCode(), blocker.toString());
        ApplicationId blockerId = ApplicationModeLifecycleTest.applicationIdIn(blocker.out());
        try {
            // A session start (yarn-session.sh) asking for more than the queue can give its AMs now.
            YarnCli.Result stuck = cli.session("-d", "-nm", "stuck-session", "-Dyarn.deployment.timeout=10s",
                    "-Dyarn.properties-file.location=" + tmp.resolve("session-properties"));
            ApplicationReport app = YarnCli.latestApplication(yarn);
            assertNotEquals(blockerId, app.getApplicationId());

            assertNotEquals(0, stuck.exitCode(), stuck.toString());
            // While waiting: YARN's own reason and the queue's free resources.
            assertTrue(stuck.out().contains("Application " + app.getApplicationId() + " is ACCEPTED in queue root.default"),
                    stuck.toString());
            assertTrue(stuck.out().contains("AM resource limit exceeded"), stuck.toString());
            assertTrue(stuck.out().matches("(?s).*\\[queue root.default has \\d+ MB and \\d+ vcores free, \\d+ application\\(s\\)"
                    + " pending].*"), stuck.toString());
            // At the end: killed, and why.
            assertTrue(stuck.err().contains("Application " + app.getApplicationId() + " was not RUNNING after 10000 ms"
                    + " (yarn.deployment.timeout); it was ACCEPTED in queue root.default asking for an AM container of"
                    + " 768 MB and 1 vcores: "), stuck.toString());
            assertTrue(stuck.err().trim().endsWith("pending. It was killed."), stuck.toString());
            assertTrue(stuck.err().contains("AM resource limit exceeded"), stuck.toString());
            assertEquals(YarnApplicationState.KILLED, yarn.getApplicationReport(app.getApplicationId())
                    .getYarnApplicationState());
            assertTrue(YarnApps.removedSoon(fs, YarnApps.stagingDir(fs, app.getApplicationId())), "staging dir of the killed application removed");
        } finally {
            // Later tests must find no application and no staging dir of this one.
            fs.create(release).close();
            ApplicationReport end = YarnApps.waitForEnd(yarn, blockerId);
            assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), end.getDiagnostics());
        }
    }

    /**
     * The CLI refused the input with the given text and a non-zero exit; no application was
     * submitted and neither staging dirs nor local temp dirs were left.
     */
    private static void assertRefused(YarnCli which, String expected, String... args) throws Exception {
        int appsBefore = yarn.getApplications().size();
        List<String> tempBefore = deployTempDirs();
        // an earlier test's ended AM may still be removing its own staging dir: only new ones count
        List<String> stagingBefore = YarnApps.stagingDirNames(fs);

        YarnCli.Result result = which.run(args);

        assertNotEquals(0, result.exitCode(), result.toString());
        assertTrue(result.err().contains(expected), "expected '" + expected + "' in\n" + result);
        assertEquals(appsBefore, yarn.getApplications().size(), "no application submitted\n" + result);
        List<String> left = new java.util.ArrayList<>(YarnApps.stagingDirNames(fs));
        left.removeAll(stagingBefore);
        assertEquals(List.of(), left, "no staging dir left");
        assertEquals(tempBefore, deployTempDirs(), "no local temp dir left");
    }

    private static List<String> deployTempDirs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("spindle-deploy-")).sorted().toList();
        }
    }

}
