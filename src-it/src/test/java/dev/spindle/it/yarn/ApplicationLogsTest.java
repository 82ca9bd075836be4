package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.it.cluster.LocalYarnClusterExtension;
import dev.spindle.it.programs.LoggingJobProgram;

/**
 * {@code spindle logs}: a user log line written by a job's operator in a TaskExecutor, read from
 * the NodeManagers while the application runs (all containers, one container, followed) and from
 * the aggregated logs after it ended.
 */
@Timeout(150)
class ApplicationLogsTest {

    /**
     * One NodeManager: NodeManagers in one JVM share Guice's static servlet filter ("Multiple Servlet
     * injectors detected"), so one NodeManager's web services answer for the other's port and
     * report its containers as unknown. A real cluster has one NodeManager per host.
     */
    @RegisterExtension
    // The embedded cluster's defaults: log aggregation to its HDFS, as 'spindle local-cluster' ships it.
    static final LocalYarnClusterExtension CLUSTER = new LocalYarnClusterExtension(1);

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
        programsJar = UserJars.pack(tmp.resolve("programs.jar"), LoggingJobProgram.class);
    }

    @Test
    void logsOfARunningThenEndedApplicationShowTheOperatorsLogLine() throws Exception {
        org.apache.hadoop.fs.Path release = fs.makeQualified(new org.apache.hadoop.fs.Path("/tmp/release-logging-job"));
        YarnCli.Result submitted = cli.run("run-application", "-d", "-c", LoggingJobProgram.class.getName(),
                programsJar.toString(), release.toString());
        assertEquals(0, submitted.exitCode(), submitted.toString());
        ApplicationId appId = ApplicationModeLifecycleTest.applicationIdIn(submitted.out());
        try {
            // Running: the TaskExecutor logs the line once its task started; poll the command until it shows
            // (with the AM's log, which a NodeManager busy on this shared machine may not serve on every call).
            YarnCli.Result running = cli.run("logs", appId.toString());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(running.out().contains(LoggingJobProgram.LINE) && running.out().contains("jobmanager.log <=="))
                    && System.nanoTime() < deadline) {
                Thread.sleep(500); // the job's task starts asynchronously; nothing to wait on but its log
                running = cli.run("logs", appId.toString());
            }
            assertEquals(0, running.exitCode(), running.toString());
            assertTrue(running.out().contains(LoggingJobProgram.LINE), running.toString());
            assertTrue(running.out().matches("(?s).*==> container_\\S+ jobmanager\\.log <==.*"), running.toString());
            assertTrue(running.out().matches("(?s).*==> container_\\S+ taskmanager\\.log <==.*"), running.toString());

            String amContainer = yarn.getApplicationAttemptReport(yarn.getApplicationReport(appId)
                    .getCurrentApplicationAttemptId()).getAMContainerId().toString();
            YarnCli.Result am = cli.run("logs", appId.toString(), "--container", amContainer);
            assertEquals(0, am.exitCode(), am.toString());
            assertTrue(am.out().contains("==> " + amContainer + " jobmanager.log <=="), am.toString());
            assertFalse(am.out().contains("taskmanager.log"), am.toString());

            // Following: prints until the application ends, which the release lets it do.
            CompletableFuture<YarnCli.Result> follow = CompletableFuture.supplyAsync(
                    () -> cli.run("logs", appId.toString(), "--follow"));
            fs.create(release).close();
            YarnCli.Result followed = follow.get(90, TimeUnit.SECONDS);
            assertEquals(0, followed.exitCode(), followed.toString());
            assertTrue(followed.out().contains(LoggingJobProgram.LINE), followed.toString());
            assertTrue(followed.out().contains("==> application " + appId + " ended <=="), followed.toString());
        } finally {
            fs.create(release, true).close();
        }
        ApplicationReport end = YarnApps.waitForEnd(yarn, appId);
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), end.getDiagnostics());

        // Ended: from the aggregated logs (the command waits for the NodeManagers' upload).
        YarnCli.Result ended = cli.run("logs", appId.toString());
        assertEquals(0, ended.exitCode(), ended.toString());
        assertTrue(ended.out().contains(LoggingJobProgram.LINE), ended.toString());
        assertTrue(ended.out().contains("jobmanager.log"), ended.toString());
    }

    @Test
    void unknownApplication() {
        YarnCli.Result result = cli.run("logs", "application_1_0042");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().contains("spindle logs: the ResourceManager does not know application application_1_0042."),
                result.toString());
    }

}
