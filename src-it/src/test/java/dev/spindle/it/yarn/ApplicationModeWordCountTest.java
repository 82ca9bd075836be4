package dev.spindle.it.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
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
import dev.spindle.examples.WordCount;

/**
 * The examples' WordCount in application mode through the real CLI: main() in the AM, parallelism 4 on two
 * TaskExecutor containers of two slots each, input and output on HDFS.
 */
@Timeout(150)
class ApplicationModeWordCountTest {

    @RegisterExtension
    static final LocalYarnClusterExtension CLUSTER = new LocalYarnClusterExtension();

    @TempDir
    static Path tmp;

    private static final Map<String, Long> EXPECTED = new HashMap<>();

    private static YarnClient yarn;
    private static FileSystem fs;
    private static YarnCli cli;
    private static Path jar;
    private static String input;

    @BeforeAll
    static void setUp() throws Exception {
        yarn = CLUSTER.yarnClient();
        fs = CLUSTER.cluster().getFileSystem();
        cli = new YarnCli(CLUSTER.cluster(), tmp.resolve("no-local-cluster"));
        jar = UserJars.jarOf(WordCount.class, tmp.resolve("spindle-examples.jar"));

        // Two files so that the source has splits for several subtasks.
        String[] words = {"spindle", "yarn", "hdfs", "slot", "container", "queue", "heap", "jar"};
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path("/input");
        for (int f = 0; f < 2; f++) {
            StringBuilder text = new StringBuilder();
            for (int line = 0; line < 2000; line++) {
                for (int w = 0; w <= (line + f) % words.length; w++) {
                    text.append(words[w]).append(' ');
                    EXPECTED.merge(words[w], 1L, Long::sum);
                }
                text.append('\n');
            }
            try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(dir, "part-" + f + ".txt"))) {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        input = fs.makeQualified(dir).toString();
    }

    @Test
    void localJarParallelismFourOnTwoTaskExecutors() throws Exception {
        String output = fs.makeQualified(new org.apache.hadoop.fs.Path("/out-local")).toString();
        YarnCli.Result result = cli.run("run-application", "-p", "4", "-c", WordCount.class.getName(), jar.toString(),
                "--input", input, "--output", output);
        ApplicationReport app = YarnCli.latestApplication(yarn);
        String context = result + cli.amLogs(app.getApplicationId());

        assertEquals(0, result.exitCode(), context);
        assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus(), context);
        assertEquals(EXPECTED, WordCountOutput.readCounts(fs, output), context);
        assertTrue(result.out().contains("FINISHED"), context);
        assertTrue(result.out().lines().anyMatch(l -> l.matches("TaskExecutor containers: [1-9]\\d* requested, .* registered")),
                "progress lines carry the TaskExecutor container counts: " + context);
        // Four subtasks need two TaskExecutors of two slots: two containers ran one.
        assertEquals(2, cli.containerLogs(app.getApplicationId(), "taskmanager.log").size(), context);
        assertTrue(YarnApps.removedSoon(fs, stagingDir(app)), "staging dir removed after success");
    }

    @Test
    void userJarOnHdfsIsReferencedInPlace() throws Exception {
        org.apache.hadoop.fs.Path remoteJar = fs.makeQualified(new org.apache.hadoop.fs.Path("/jars/spindle-examples.jar"));
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(jar.toUri()), remoteJar);
        String output = fs.makeQualified(new org.apache.hadoop.fs.Path("/out-remote")).toString();

        YarnCli.Result result = cli.run("run-application", "-p", "4", "-c", WordCount.class.getName(),
                remoteJar.toString(), "--input", input, "--output", output);
        ApplicationReport app = YarnCli.latestApplication(yarn);
        String context = result + cli.amLogs(app.getApplicationId());

        assertEquals(0, result.exitCode(), context);
        assertTrue(result.out().contains("User jar " + remoteJar + " is referenced in place (not uploaded)"), context);
        assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus(), context);
        assertEquals(EXPECTED, WordCountOutput.readCounts(fs, output), context);
        assertTrue(fs.exists(remoteJar), "the user's jar is left alone");
        assertTrue(YarnApps.removedSoon(fs, stagingDir(app)));
    }

    private static org.apache.hadoop.fs.Path stagingDir(ApplicationReport app) {
        return fs.makeQualified(new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".spindle/" + app.getApplicationId()));
    }
}
