package dev.spindle.yarn.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.CoreOptions;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.api.JobID;
import dev.spindle.yarn.client.ClusterClients;
import dev.spindle.yarn.client.api.ClusterClientFactory;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.JobSummary;
import dev.spindle.yarn.client.api.Program;
import dev.spindle.yarn.client.api.ProgramJar;
import dev.spindle.yarn.client.cli.testprogram.RecordingProgram;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliFrontendTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private RecordingClients recording = new RecordingClients();
    private String localClusterCommand;
    private final LocalClusterControl localCluster = (command, out, err) -> {
        localClusterCommand = command;
        return 0;
    };

    @AfterEach
    void clear() {
        System.clearProperty(RecordingProgram.OUT);
        ExecutionContext.uninstall();
    }

    private int cli(Map<String, String> env, ClusterClientFactory clients, String... args) {
        return new CliFrontend(env, clients, localCluster).execute(args,
                new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    /** Runs the CLI on clients that only record what they were asked. */
    private int capturing(String... args) {
        recording = new RecordingClients();
        return cli(Map.of(), recording, args);
    }

    private int real(String... args) {
        return cli(Map.of(), new ClusterClients(), args);
    }

    private Configuration capturedConf() {
        return recording.configuration;
    }

    private String lastCall() {
        return recording.calls.get(recording.calls.size() - 1);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generalHelpListsActions() {
        assertEquals(0, real("--help"));
        for (String action : List.of("run", "run-application", "list", "info", "cancel", "stop", "savepoint", "logs",
                "clean", "local-cluster")) {
            assertTrue(out().contains("  " + action + " "), action + " missing from:\n" + out());
        }
        assertTrue(out().contains("spindle <action> --help"));
    }

    @Test
    void noArgumentsPrintsHelpAndFails() {
        assertEquals(1, real());
        assertTrue(err().contains("Usage: spindle <action>"));
    }

    @Test
    void versionFlag() {
        assertEquals(0, real("-v"));
        assertTrue(out().matches("Spindle \\d+\\.\\d+\\.\\d+.*\\R"), out());
    }

    @Test
    void actionHelpListsItsOptions() {
        assertEquals(0, real("run-application", "--help"));
        for (String option : List.of("-c,--class <classname>", "-p,--parallelism <n>", "-d,--detached",
                "-s,--fromSavepoint <savepointPath>", "-t,--target <target>", "-D <key=value>",
                "-id,--applicationId <appId>", "-yid")) {
            assertTrue(out().contains(option), option + " missing from:\n" + out());
        }
        assertTrue(out().contains("usage: spindle run-application [OPTIONS] <jar-file> [program arguments]"), out());
        outBytes.reset();
        assertEquals(0, real("stop", "-h"));
        assertTrue(out().contains("-p,--savepointPath <savepointPath>") && out().contains("-d,--drain"), out());
        outBytes.reset();
        assertEquals(0, real("logs", "--help"));
        assertTrue(out().contains("--container <containerId>") && out().contains("-f,--follow"), out());
    }

    @Test
    void unknownActionFailsWithHint() {
        assertEquals(1, real("launch", "app.jar"));
        assertEquals("spindle: unknown action 'launch'. Run 'spindle --help' for the list of actions.\n", err());
        assertEquals("", out());
    }

    @Test
    void unknownOptionFailsWithHint() {
        assertEquals(1, real("run", "--colour", "app.jar"));
        assertTrue(err().startsWith("spindle run: unknown option '--colour'."), err());
        assertTrue(err().contains("spindle --help"), err());
        errBytes.reset();
        assertEquals(1, real("list", "-x"));
        assertTrue(err().startsWith("spindle list: unknown option '-x'."), err());
        errBytes.reset();
        assertEquals(1, real("--frobnicate"));
        assertTrue(err().contains("unknown option '--frobnicate'") && err().contains("spindle --help"), err());
    }

    @Test
    void missingOptionValue() {
        assertEquals(1, real("run", "app.jar", "-c"), "after the jar, -c belongs to the program");
        errBytes.reset();
        assertEquals(1, real("run", "-c"));
        assertTrue(err().contains("option -c/--class needs a value (classname)"), err());
    }

    @Test
    void dynamicPropertiesInBothSpellingsAndRepeated() throws Exception {
        assertEquals(0, capturing("run", "-Dparallelism.default=3", "-D", "taskmanager.numberOfTaskSlots=2",
                "-Dmy.key=a=b", "app.jar"));
        assertEquals(3, capturedConf().get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals("2", capturedConf().getString("taskmanager.numberOfTaskSlots"));
        assertEquals("a=b", capturedConf().getString("my.key"));
        String[] args = {"-Dparallelism.default=3", "-D", "taskmanager.numberOfTaskSlots=2", "-Dmy.key=a=b", "app.jar"};
        Options options = new RunVerb().options();
        assertEquals(List.of("parallelism.default=3", "taskmanager.numberOfTaskSlots=2", "my.key=a=b"),
                CommonOptions.dynamicProperties(new DefaultParser().parse(options,
                        DynamicPropertyTokens.normalize(args, options, true), true)));
    }

    @Test
    void flagsMapToConfigurationAndWinOverDynamicProperties() {
        assertEquals(0, capturing("run", "-t", "yarn-per-job", "-p", "4", "-d", "-Dparallelism.default=9", "-s",
                "hdfs:///sp/1", "-c", "com.example.Main", "-yid", "application_1_0002", "app.jar", "--in", "x", "-p", "7", "-Dprog=1"));
        assertEquals(4, capturedConf().get(CoreOptions.DEFAULT_PARALLELISM));
        assertFalse(capturedConf().get(DeploymentOptions.ATTACHED));
        assertEquals("yarn-per-job", capturedConf().get(DeploymentOptions.TARGET));
        assertEquals("hdfs:///sp/1", capturedConf().get(DeploymentOptions.SAVEPOINT_PATH));
        assertEquals("application_1_0002", capturedConf().getString("yarn.application.id"));
        Program run = recording.program;
        assertEquals("com.example.Main", run.entryClass());
        assertEquals("app.jar", run.jar().localFile().getName());
        assertFalse(run.jar().isRemote());
        assertEquals(new java.io.File("app.jar").getAbsoluteFile().toURI(), run.jar().uri());
        assertEquals(List.of("--in", "x", "-p", "7", "-Dprog=1"), run.arguments(), "arguments after the jar go to the program");
    }

    @Test
    void runApplicationDefaultsToYarnApplicationTarget() {
        assertEquals(0, capturing("run-application", "app.jar"));
        assertEquals("yarn-application", capturedConf().get(DeploymentOptions.TARGET));
        assertTrue(capturedConf().get(DeploymentOptions.ATTACHED));
        assertEquals(1, capturing("run-application", "-t", "yarn-session", "app.jar"));
        assertTrue(err().contains("only supports -t yarn-application"), err());
    }

    @Test
    void confDirFileIsOverriddenByDynamicProperties() throws IOException {
        Files.writeString(dir.resolve("spindle-conf.yaml"), "parallelism.default: 5\nexecution.target: local\n");
        assertEquals(0, cli(Map.of("SPINDLE_CONF_DIR", dir.toString()), recording, "list", "-Dexecution.target=yarn-session"));
        assertEquals(5, capturedConf().get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals("yarn-session", capturedConf().get(DeploymentOptions.TARGET));
    }

    @Test
    void badValuesFailNamingThem() {
        assertEquals(1, capturing("run", "-t", "kubernetes", "app.jar"));
        assertTrue(err().contains("Unknown target 'kubernetes'") && err().contains("yarn-per-job"), err());
        errBytes.reset();
        assertEquals(1, capturing("run", "-p", "zero", "app.jar"));
        assertTrue(err().contains("'zero' is not a valid value for -p/--parallelism"), err());
        errBytes.reset();
        assertEquals(1, capturing("run", "-Dparallelism.default=many", "app.jar"));
        assertTrue(err().contains("'parallelism.default'") && err().contains("'many'"), err());
        errBytes.reset();
        assertEquals(1, capturing("run", "-Dnovalue", "app.jar"));
        assertTrue(err().contains("-Dnovalue") && err().contains("-Dkey=value"), err());
        errBytes.reset();
        assertEquals(1, capturing("cancel", "1234"));
        assertTrue(err().contains("'1234' is not a job id"), err());
        errBytes.reset();
        assertEquals(1, capturing("logs", "app_1"));
        assertTrue(err().contains("'app_1' is not a YARN application id"), err());
        errBytes.reset();
        assertEquals(1, capturing("local-cluster", "restart"));
        assertTrue(err().contains("unknown command 'restart'"), err());
        errBytes.reset();
        assertEquals(1, capturing("run"));
        assertTrue(err().contains("needs the program jar"), err());
    }

    @Test
    void inconsistentMemoryFailsBeforeAYarnBackEndIsCalled() {
        assertEquals(1, capturing("run", "-t", "yarn-per-job", "-Dtaskmanager.memory.process.size=300m", "app.jar"));
        assertNull(recording.target, "the back end was not called");
        assertTrue(err().startsWith("spindle run: 'taskmanager.memory.process.size' is 300m, too small"), err());
        assertTrue(err().contains("Set taskmanager.memory.process.size to at least"), err());
        errBytes.reset();
        assertEquals(1, capturing("run-application", "-Djobmanager.memory.heap.size=4g",
                "-Djobmanager.memory.process.size=1g", "app.jar"));
        assertTrue(err().contains("jobmanager.memory.heap.size"), err());
        assertEquals(0, capturing("run", "-t", "local", "-Dtaskmanager.memory.process.size=300m", "app.jar"),
                "local runs do not size containers");
    }

    @Test
    void typedActionsReachTheirHandlers() {
        String jobId = "0123456789abcdef0123456789abcdef";
        assertEquals(0, capturing("stop", "-p", "/sp", "-d", jobId));
        assertEquals("stop " + jobId + " /sp true", lastCall(), "job id, savepoint path and drain reach the client");
        assertEquals(0, capturing("savepoint", jobId, "hdfs:///savepoints"));
        assertEquals("savepoint " + jobId + " hdfs:///savepoints", lastCall());
        recording = new RecordingClients();
        String ended = "00000000000000000000000000000002";
        recording.jobs = List.of(job(jobId, "RUNNING"), job(ended, "FINISHED"));
        assertEquals(0, cli(Map.of(), recording, "list", "-r"));
        assertTrue(out().contains(jobId) && !out().contains(ended), "-r: only running jobs\n" + out());
        assertEquals(0, capturing("logs", "application_17_0001", "--container", "container_17_0001_01_000002", "-f"));
        assertEquals("logs application_17_0001 container_17_0001_01_000002 true", lastCall());
        assertEquals(0, capturing("local-cluster", "status"));
        assertEquals("status", localClusterCommand);
    }

    @Test
    void actionsWithoutBackEndSaySo() {
        // stop takes a savepoint and cancels; draining is refused before any YARN call rather than ignored
        assertEquals(1, real("stop", "-d", "-t", "yarn-per-job", "-id", "application_1_0001", "00000000000000000000000000000001"));
        assertTrue(err().contains("spindle stop -t yarn-per-job: stop --drain is not supported"), err());
    }

    private static JobSummary job(String id, String status) {
        return new JobSummary(JobID.fromHexString(id), "job-" + status, status, 0, 1000, null, Map.of());
    }

    @Test
    void eachTargetGetsItsOwnClient() {
        assertEquals(0, capturing("run", "-t", "yarn-per-job", "app.jar"));
        assertEquals(DeploymentTarget.YARN_PER_JOB, recording.target);
        assertEquals(0, capturing("run", "-t", "yarn-session", "app.jar"));
        assertEquals(DeploymentTarget.YARN_SESSION, recording.target);
        assertEquals(0, capturing("run", "-id", "application_1_0001", "app.jar"));
        assertEquals(DeploymentTarget.YARN_SESSION, recording.target, "no target, a cluster named: its session");
        assertEquals(0, capturing("list", "-t", "yarn-application", "-id", "application_1_0001"));
        assertEquals(DeploymentTarget.YARN_APPLICATION, recording.target);
        assertEquals(0, capturing("list", "-id", "application_1_0001"));
        assertEquals(DeploymentTarget.YARN_SESSION, recording.target, "cluster verbs without a target ask a session");
    }

    private Path programJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, RecordingProgram.class.getName());
        Path jar = dir.resolve("program.jar");
        String entry = RecordingProgram.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry(entry));
            jarOut.write(RecordingProgram.class.getClassLoader().getResourceAsStream(entry).readAllBytes());
            jarOut.closeEntry();
        }
        return jar;
    }

    @Test
    void localRunInstallsMiniClusterContextAndRunsMainInUserClassLoader() throws IOException {
        Path jar = programJar();
        assertEquals(0, real("run", "-t", "local", "-p", "3", jar.toString(), "in.txt", "--out", "o"), err());
        assertEquals("MiniClusterExecutor|3|true|true|in.txt,--out,o|" + jar.toFile().getAbsoluteFile().toURI(),
                System.getProperty(RecordingProgram.OUT), "the job graph's user jars come from pipeline.jars");
        assertNull(ExecutionContext.current(), "context removed after the program");
    }

    @Test
    void runWithoutTargetRunsLocallyAndSaysSo() throws IOException {
        Path jar = programJar();
        // The default properties file (in the temp dir) may name a session someone started on this machine.
        assertEquals(0, real("run", "-Dyarn.properties-file.location=" + dir.resolve("no-session"), jar.toString()), err());
        assertTrue(err().contains("No target given"), err());
        assertTrue(System.getProperty(RecordingProgram.OUT).startsWith("MiniClusterExecutor|1|"));
    }

    @Test
    void localRunReportsProgramFailure() throws IOException {
        Path jar = programJar();
        assertEquals(1, real("run", "-t", "local", jar.toString(), "fail"));
        assertTrue(err().contains("The program's main method (" + RecordingProgram.class.getName() + ") failed"), err());
        assertTrue(err().contains("java.lang.IllegalArgumentException: bad input path"), err());
        assertTrue(err().contains(RecordingProgram.class.getName() + ".main("), "user stack trace shown");
    }

    @Test
    void remoteJarKeepsItsUri() {
        assertEquals(0, capturing("run-application", "hdfs://nn:8020/jobs/app.jar"));
        ProgramJar run = recording.program.jar();
        assertTrue(run.isRemote());
        assertEquals("hdfs://nn:8020/jobs/app.jar", run.given());
        assertEquals(java.net.URI.create("hdfs://nn:8020/jobs/app.jar"), run.uri());
        errBytes.reset();
        assertEquals(1, real("run", "-t", "local", "hdfs://nn:8020/jobs/app.jar"));
        assertTrue(err().contains("needs a local program jar"), err());
    }

    @Test
    void localRunWithMissingJar() {
        assertEquals(1, real("run", "-t", "local", dir.resolve("nope.jar").toString()));
        assertTrue(err().contains("nope.jar' does not exist"), err());
    }
}
