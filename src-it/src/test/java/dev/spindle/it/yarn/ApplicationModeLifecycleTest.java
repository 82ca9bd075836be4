package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.it.cluster.LocalYarnClusterExtension;
import dev.spindle.it.programs.FailingProgram;
import dev.spindle.it.programs.WaitForFileProgram;
import dev.spindle.yarn.common.ContainerLayout;
import dev.spindle.yarn.common.LaunchSpecFile;
import dev.spindle.yarn.client.deployment.FrameworkClasspath;

/**
 * Application mode without data processing: failure reporting, detached submission, provided lib
 * dirs, and staging cleanup on every ending, on a real HDFS + YARN mini cluster.
 */
@Timeout(120)
class ApplicationModeLifecycleTest {

    @RegisterExtension
    static final LocalYarnClusterExtension CLUSTER = new LocalYarnClusterExtension();

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
        programsJar = UserJars.pack(tmp.resolve("programs.jar"), FailingProgram.class, WaitForFileProgram.class);
    }

    @Test
    void programThatThrowsEndsFailedWithItsMessageEverywhere() throws Exception {
        YarnCli.Result result = cli.run("run-application", "-c", FailingProgram.class.getName(), programsJar.toString());
        ApplicationReport app = YarnCli.latestApplication(yarn);
        String context = result + cli.amLogs(app.getApplicationId());

        assertNotEquals(0, result.exitCode(), context);
        assertTrue(result.err().contains(FailingProgram.MESSAGE), context);
        assertEquals(FinalApplicationStatus.FAILED, app.getFinalApplicationStatus(), context);
        assertTrue(app.getDiagnostics().contains(FailingProgram.MESSAGE), app.getDiagnostics());
        assertEquals("Spindle", app.getApplicationType());
        assertTrue(YarnApps.removedSoon(fs, YarnApps.stagingDir(fs, app.getApplicationId())), "staging dir removed after failure" + context);
    }

    @Test
    void detachedWithProvidedLibDirsUploadsNoFrameworkJarAndRegistersThemPublic() throws Exception {
        // A provided lib dir as an admin would set it up: world-readable, on the cluster's file system.
        org.apache.hadoop.fs.Path libDir = new org.apache.hadoop.fs.Path("/shared/spindle-lib");
        fs.mkdirs(libDir, new FsPermission((short) 0755));
        fs.setPermission(new org.apache.hadoop.fs.Path("/shared"), new FsPermission((short) 0755));
        List<Path> framework = FrameworkClasspath.resolve(tmp.resolve("framework"));
        for (Path jar : framework) {
            org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(libDir, jar.getFileName().toString());
            fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(jar.toUri()), dst);
            fs.setPermission(dst, new FsPermission((short) 0644));
        }
        org.apache.hadoop.fs.Path release = new org.apache.hadoop.fs.Path("/tmp/release-provided");

        YarnCli.Result result = cli.run("run-application", "-d", "-Dyarn.provided.lib.dirs=" + fs.makeQualified(libDir),
                "-c", WaitForFileProgram.class.getName(), programsJar.toString(), fs.makeQualified(release).toString());
        assertEquals(0, result.exitCode(), result.toString());
        ApplicationId appId = applicationIdIn(result.out());
        ApplicationReport running = yarn.getApplicationReport(appId);
        assertEquals(YarnApplicationState.RUNNING, running.getYarnApplicationState(), "detached returns while the app runs");
        assertTrue(result.out().contains("yarn application -kill " + appId), result.out());
        assertTrue(result.out().contains("Framework: " + framework.size() + " files, " + framework.size()
                + " from yarn.provided.lib.dirs, 0 cached by earlier deployments, 0 uploaded"), result.out());

        // The launch spec proves it: no lib/ uploaded, and the AM's resources name the provided files PUBLIC.
        org.apache.hadoop.fs.Path staging = YarnApps.stagingDir(fs, appId);
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(staging, "lib")), "nothing uploaded to lib/");
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(staging, "usrlib/programs.jar")));
        byte[] spec;
        try (var in = fs.open(new org.apache.hadoop.fs.Path(staging, ContainerLayout.LAUNCH_SPEC_FILE))) {
            spec = in.readAllBytes();
        }
        Map<String, LocalResource> resources = LaunchSpecFile.fromBytes(spec).yarnLocalResources();
        long libs = resources.entrySet().stream().filter(e -> e.getKey().startsWith("lib/")).peek(e -> {
            assertEquals(LocalResourceVisibility.PUBLIC, e.getValue().getVisibility(), e.getKey());
            assertTrue(e.getValue().getResource().getFile().startsWith(libDir.toString()), e.getValue().getResource().toString());
        }).count();
        assertEquals(framework.size(), libs);
        assertEquals(LocalResourceVisibility.APPLICATION, resources.get("usrlib/programs.jar").getVisibility());

        fs.create(release).close();
        ApplicationReport end = YarnApps.waitForEnd(yarn, appId);
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), end.getDiagnostics() + cli.amLogs(appId));
        assertTrue(YarnApps.removedSoon(fs, staging), "staging dir removed after success" + cli.amLogs(appId));
    }

    @Test
    void stagingOfAKilledApplicationWithAttemptsLeftIsSweptByClean() throws Exception {
        org.apache.hadoop.fs.Path release = new org.apache.hadoop.fs.Path("/tmp/release-never");
        YarnCli.Result result = cli.run("run-application", "-d", "-c", WaitForFileProgram.class.getName(),
                programsJar.toString(), fs.makeQualified(release).toString());
        assertEquals(0, result.exitCode(), result.toString());
        ApplicationId appId = applicationIdIn(result.out());

        yarn.killApplication(appId);
        assertEquals(YarnApplicationState.KILLED, YarnApps.waitForEnd(yarn, appId).getYarnApplicationState());
        // With attempts left (yarn.application-attempts defaults to 2) a SIGTERM may also mean "a new attempt
        // follows", which needs the dir, so the AM leaves it; the next command of the user, or clean, removes it.
        YarnApps.waitUntil(() -> ContainerProcesses.of(appId).isEmpty(), 30, () -> "the killed AM's process ended");
        assertTrue(fs.exists(YarnApps.stagingDir(fs, appId)), "the AM with attempts left keeps its staging dir");

        YarnCli.Result clean = cli.run("clean");
        assertEquals(0, clean.exitCode(), clean.toString());
        assertTrue(clean.out().contains("Removed " + YarnApps.stagingDir(fs, appId)), clean.out());
        assertFalse(fs.exists(YarnApps.stagingDir(fs, appId)), "...until 'spindle clean' removed it");
    }

    @Test
    void deploymentThatTimesOutIsKilledAndLeavesNoStaging() throws Exception {
        YarnCli.Result result = cli.run("run-application", "-Dyarn.deployment.timeout=1ms", "-c",
                WaitForFileProgram.class.getName(), programsJar.toString(), "/tmp/never");
        ApplicationReport app = YarnCli.latestApplication(yarn);

        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().contains("was not RUNNING after 1 ms (yarn.deployment.timeout)"), result.toString());
        assertTrue(result.err().contains("It was killed."), result.toString());
        assertEquals(YarnApplicationState.KILLED, YarnApps.waitForEnd(yarn, app.getApplicationId()).getYarnApplicationState());
        assertTrue(YarnApps.removedSoon(fs, YarnApps.stagingDir(fs, app.getApplicationId())), "the half-deployed application's staging dir is removed");
    }

    static ApplicationId applicationIdIn(String text) {
        Matcher m = Pattern.compile("Application (application_\\d+_\\d+) submitted").matcher(text);
        assertTrue(m.find(), text);
        return ApplicationId.fromString(m.group(1));
    }

}
