package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.configuration.Configuration;
import dev.spindle.examples.WordCount;
import dev.spindle.configuration.JobManagerOptions;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.it.cluster.LocalYarnClusterExtension;
import dev.spindle.it.programs.EndlessStreamProgram;
import dev.spindle.it.programs.TwoJobsProgram;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobGraphFile;
import dev.spindle.api.JobID;
import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.deployment.DeployedApplication;
import dev.spindle.yarn.client.deployment.DeploymentRequest;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;

/**
 * Per-job mode through the real CLI on HDFS + YARN mini clusters: the graph built on the client,
 * shipped as job.graph, run by a per-job AM that ends with its job; list/cancel by application id
 * while it runs and after it ended.
 */
@Timeout(150)
class PerJobModeTest {

    @RegisterExtension
    static final LocalYarnClusterExtension CLUSTER = new LocalYarnClusterExtension();

    @TempDir
    static Path tmp;

    private static final Map<String, Long> EXPECTED = new HashMap<>();
    private static final long POLL_MILLIS = 300;

    private static YarnClient yarn;
    private static FileSystem fs;
    private static YarnCli cli;
    private static Path jar;
    private static Path wordCountJar;
    private static String input;

    @BeforeAll
    static void setUp() throws Exception {
        yarn = CLUSTER.yarnClient();
        fs = CLUSTER.cluster().getFileSystem();
        cli = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"));
        jar = UserJars.pack(tmp.resolve("perjob.jar"), EndlessStreamProgram.class, TwoJobsProgram.class);
        wordCountJar = UserJars.jarOf(WordCount.class, tmp.resolve("spindle-examples.jar"));
        String[] words = {"per", "job", "graph", "shipped", "client"};
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 3000; line++) {
            for (int w = 0; w <= line % words.length; w++) {
                text.append(words[w]).append(' ');
                EXPECTED.merge(words[w], 1L, Long::sum);
            }
            text.append('\n');
        }
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path("/perjob-input/words.txt");
        try (OutputStream out = fs.create(file)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        input = fs.makeQualified(file.getParent()).toString();
    }

    /** One test's leftover application must not hold the queue's AM share for the next test. */
    @AfterEach
    void killLeftovers() throws Exception {
        for (ApplicationReport r : yarn.getApplications(EnumSet.of(YarnApplicationState.NEW, YarnApplicationState.NEW_SAVING,
                YarnApplicationState.SUBMITTED, YarnApplicationState.ACCEPTED, YarnApplicationState.RUNNING))) {
            yarn.killApplication(r.getApplicationId());
        }
    }

    @Test
    void detachedWordCountReturnsWhileRunningThenSucceedsAndListAnswersBeforeAndAfter() throws Exception {
        String output = fs.makeQualified(new org.apache.hadoop.fs.Path("/perjob-out-detached")).toString();
        long t0 = System.nanoTime();
        // A scheme-only path, as the README writes it: main() runs on the client and must read it on the cluster's HDFS.
        YarnCli.Result result = cli.run("run", "-t", "yarn-per-job", "-d", "-p", "2", "-c", WordCount.class.getName(),
                wordCountJar.toString(), "--input", input, "--output", "hdfs:///perjob-out-detached");
        long clientMillis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, result.exitCode(), result.toString());
        ApplicationId appId = ApplicationModeLifecycleTest.applicationIdIn(result.out());
        ApplicationReport atReturn = yarn.getApplicationReport(appId);
        assertFalse(YarnApps.ended(atReturn), "detached returns while the app is still going: "
                + atReturn.getYarnApplicationState() + " after " + clientMillis + " ms");
        String jobId = jobIdIn(result.out());
        assertTrue(result.out().contains("spindle cancel -t yarn-per-job -id " + appId + " " + jobId), result.out());
        assertTrue(result.out().contains("spindle list -t yarn-per-job -id " + appId), result.out());

        // While the AM runs, list shows the job (CREATED or RUNNING) over REST.
        YarnCli.Result listed = null;
        while (!YarnApps.ended(yarn.getApplicationReport(appId))) {
            YarnCli.Result l = cli.run("list", "-t", "yarn-per-job", "-id", appId.toString());
            if (l.exitCode() == 0 && l.out().contains(jobId + " : WordCount (")) {
                listed = l;
                break;
            }
            Thread.sleep(POLL_MILLIS); // the AM is still starting; YARN has no notification of its registration
        }
        assertTrue(listed != null, "list showed the job while the application ran" + cli.amLogs(appId));
        assertTrue(listed.out().contains("is RUNNING with 1 job(s)"), listed.out());

        ApplicationReport end = YarnApps.waitForEnd(yarn, appId);
        assertEquals(FinalApplicationStatus.SUCCEEDED, end.getFinalApplicationStatus(), end.getDiagnostics() + cli.amLogs(appId));
        assertEquals(EXPECTED, WordCountOutput.readCounts(fs, output));
        assertTrue(YarnApps.removedSoon(fs, YarnApps.stagingDir(fs, appId)), "staging dir removed after success");

        // After the end, list and info answer from YARN's final report instead of a connection error.
        YarnCli.Result after = cli.run("list", "-t", "yarn-per-job", "-Dyarn.application.id=" + appId);
        assertEquals(0, after.exitCode(), after.toString());
        assertTrue(after.out().contains("is FINISHED, final status SUCCEEDED"), after.out());
        assertTrue(after.out().contains("Job " + jobId + " (WordCount) FINISHED"), after.out());
        YarnCli.Result info = cli.run("info", "-t", "yarn-per-job", "-id", appId.toString(), jobId);
        assertEquals(0, info.exitCode(), info.toString());
        assertTrue(info.out().contains("final status SUCCEEDED"), info.out());
    }

    @Test
    void cancelOfARunningStreamingJobEndsTheApplicationKilledAndRemovesItsStaging() throws Exception {
        YarnCli.Result result = cli.run("run", "-t", "yarn-per-job", "-d", "-c", EndlessStreamProgram.class.getName(),
                jar.toString());
        assertEquals(0, result.exitCode(), result.toString());
        ApplicationId appId = ApplicationModeLifecycleTest.applicationIdIn(result.out());
        String jobId = jobIdIn(result.out());
        assertTrue(fs.exists(YarnApps.stagingDir(fs, appId)));

        // Bounded by the class timeout: the streaming job never ends by itself.
        YarnCli.Result running;
        do {
            running = cli.run("list", "-t", "yarn-per-job", "-id", appId.toString());
            assertFalse(YarnApps.ended(yarn.getApplicationReport(appId)),
                    "the endless job ended by itself" + cli.amLogs(appId));
            Thread.sleep(POLL_MILLIS); // waiting for the AM and its TaskExecutor; nothing notifies of that
        } while (!running.out().contains(jobId + " : EndlessStream (RUNNING"));

        YarnCli.Result cancel = cli.run("cancel", "-t", "yarn-per-job", "-id", appId.toString(), jobId);
        assertEquals(0, cancel.exitCode(), cancel.toString());
        assertTrue(cancel.out().contains("Cancellation of job " + jobId + " requested"), cancel.out());

        ApplicationReport end = YarnApps.waitForEnd(yarn, appId);
        assertEquals(FinalApplicationStatus.KILLED, end.getFinalApplicationStatus(), end.getDiagnostics() + cli.amLogs(appId));
        assertTrue(end.getDiagnostics().contains("Job " + jobId + " (EndlessStream) CANCELED"), end.getDiagnostics());
        assertTrue(YarnApps.removedSoon(fs, YarnApps.stagingDir(fs, appId)), "staging dir removed after cancel");

        YarnCli.Result after = cli.run("list", "-t", "yarn-per-job", "-id", appId.toString());
        assertEquals(0, after.exitCode(), after.toString());
        assertTrue(after.out().contains("final status KILLED"), after.out());
        YarnCli.Result again = cli.run("cancel", "-t", "yarn-per-job", "-id", appId.toString(), jobId);
        assertNotEquals(0, again.exitCode());
        assertTrue(again.err().contains("Nothing to cancel: application " + appId + " already ended"), again.toString());
    }

    @Test
    void corruptedJobGraphEndsFailedWithReadableDiagnostics() throws Exception {
        Configuration conf = new Configuration();
        conf.setString(JobManagerOptions.TOTAL_PROCESS_MEMORY.key(), "768m");
        conf.set(YarnConfigOptions.CONTAINER_JAVA_HOME_FROM_CLIENT, true);
        YarnConfiguration yarnConf = new HadoopConfLocator(Map.of("HADOOP_CONF_DIR", CLUSTER.cluster().getConfDir().toString()),
                tmp.resolve("no-local-cluster")).locate().toYarnConfiguration(conf);
        byte[] file = JobGraphFile.write(new JobGraph(new JobID(), "damaged", new Configuration()));
        file[file.length / 2] ^= 0x5a; // one bit flip's worth of damage in the serialized graph

        ApplicationId appId;
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(conf, yarnConf, ProgressListener.SILENT)) {
            DeployedApplication app = descriptor.deploy(new DeploymentRequest(conf, DeploymentRequest.PER_JOB_MODE_ENTRYPOINT,
                    "corrupt job graph", null, null, List.of(), Map.of(), Map.of(JobGraphFile.FILE_NAME, file)), tmp.resolve("corrupt"));
            appId = app.applicationId();
        }
        ApplicationReport end = YarnApps.waitForEnd(yarn, appId);
        assertEquals(FinalApplicationStatus.FAILED, end.getFinalApplicationStatus(), end.getDiagnostics());
        assertTrue(end.getDiagnostics().contains("The per-job ApplicationMaster cannot run its job: The file job.graph is corrupt:"
                + " its checksum does not match its content"), end.getDiagnostics());
        assertFalse(end.getDiagnostics().contains("Exception"), "words, not a stack trace: " + end.getDiagnostics());
        assertTrue(YarnApps.removedSoon(fs, YarnApps.stagingDir(fs, appId)), "staging dir removed after the failure");
    }

    @Test
    void attachedRunOfAnHdfsJarFollowsTheJobAndASecondJobIsRefusedNamingApplicationMode() throws Exception {
        // The jar on HDFS: fetched to run main() here, referenced in place by the containers.
        org.apache.hadoop.fs.Path remoteJar = fs.makeQualified(new org.apache.hadoop.fs.Path("/jars/perjob-examples.jar"));
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(wordCountJar.toUri()), remoteJar);
        String output = fs.makeQualified(new org.apache.hadoop.fs.Path("/perjob-out-attached")).toString();
        YarnCli.Result attached = cli.run("run", "-t", "yarn-per-job", "-p", "2", "-c", WordCount.class.getName(),
                remoteJar.toString(), "--input", input, "--output", output);
        ApplicationReport app = YarnCli.latestApplication(yarn);
        assertEquals(0, attached.exitCode(), attached + cli.amLogs(app.getApplicationId()));
        assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus());
        assertTrue(attached.out().contains("finished successfully"), attached.out());
        assertTrue(attached.out().contains("User jar " + remoteJar + " is referenced in place (not uploaded)"), attached.out());
        assertTrue(attached.out().contains("(WordCount) is "), "job state lines while following: " + attached.out());
        assertEquals(EXPECTED, WordCountOutput.readCounts(fs, output));
        assertTrue(YarnApps.removedSoon(fs, YarnApps.stagingDir(fs, app.getApplicationId())));

        YarnCli.Result two = cli.run("run", "-t", "yarn-per-job", "-d", "-c", TwoJobsProgram.class.getName(), jar.toString());
        assertNotEquals(0, two.exitCode(), two.toString());
        assertTrue(two.err().contains("per-job mode (-t yarn-per-job) runs exactly one job per YARN application"), two.err());
        assertTrue(two.err().contains("spindle run-application -t yarn-application"), two.err());
        // The first job went out before main() asked for the second; the failed command leaves nothing running.
        Matcher submitted = Pattern.compile("already been submitted as application (application_\\d+_\\d+); the application was"
                + " killed and its staging dir removed").matcher(two.err());
        assertTrue(submitted.find(), two.err());
        ApplicationId first = ApplicationId.fromString(submitted.group(1));
        assertEquals("Spindle per-job: first", yarn.getApplicationReport(first).getName());
        assertEquals(FinalApplicationStatus.KILLED, YarnApps.waitForEnd(yarn, first).getFinalApplicationStatus());
        assertTrue(YarnApps.removedSoon(fs, YarnApps.stagingDir(fs, first)), "staging dir of the killed first application removed");
    }

    static String jobIdIn(String text) {
        Matcher m = Pattern.compile("Job ID: (\\S+)").matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

}
