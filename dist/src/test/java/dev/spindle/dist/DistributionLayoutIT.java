package dev.spindle.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The assembled distribution (after 'package'): its layout, and its launcher scripts run for real. */
@Timeout(300)
class DistributionLayoutIT {

    private final Path dist = Path.of(System.getProperty("spindle.dist.dir"));

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void layout() throws IOException {
        assertTrue(Files.isExecutable(dist.resolve("bin/spindle")));
        assertTrue(Files.isExecutable(dist.resolve("bin/yarn-session.sh")));
        for (String conf : List.of("spindle-conf.yaml", "log4j2-cli.properties", "log4j2.properties")) {
            assertTrue(Files.isRegularFile(dist.resolve("conf").resolve(conf)), conf);
        }
        assertTrue(Files.isRegularFile(dist.resolve("examples/spindle-examples.jar")));
        Set<String> lib = names(dist.resolve("lib"));
        for (String prefix : List.of("spindle-runtime-core-", "spindle-yarn-client-", "spindle-app-master-",
                "spindle-task-executor-container-", "hadoop-common-", "hadoop-yarn-client-", "hadoop-hdfs-client-",
                "commons-cli-", "log4j-core-", "log4j-slf4j-impl-")) {
            assertTrue(lib.stream().anyMatch(n -> n.startsWith(prefix)), prefix + " missing from lib/: " + lib);
        }
        Set<String> opt = names(dist.resolve("opt/local-cluster"));
        assertTrue(opt.stream().anyMatch(n -> n.startsWith("spindle-local-cluster-")), opt.toString());
        assertTrue(opt.stream().anyMatch(n -> n.startsWith("hadoop-yarn-server-resourcemanager-")), opt.toString());
        Set<String> both = new HashSet<>(lib);
        both.retainAll(opt);
        assertEquals(Set.of(), both, "jars in both lib/ and opt/local-cluster/");
        assertTrue(lib.stream().noneMatch(n -> n.startsWith("spindle-it-") || n.startsWith("spindle-local-cluster-")
                || n.startsWith("hadoop-minicluster")
                || n.startsWith("junit")), "test-only jars in lib/: " + lib);
    }

    @Test
    void exactlyOneSlf4jBindingInTheDistribution() throws IOException {
        List<String> bindings = new ArrayList<>();
        for (String dir : List.of("lib", "opt/local-cluster")) {
            for (String name : names(dist.resolve(dir))) {
                // log4j 1.x itself is a second logging back end; log4j-1.2-api (its API bridged to
                // log4j2, which the embedded ResourceManager calls) is not.
                if (name.matches("(slf4j-(reload4j|log4j12|simple|jdk14|nop)|logback-classic|log4j-slf4j2?-impl|reload4j|log4j-1\\.[0-9.]+\\.jar).*")) {
                    bindings.add(dir + "/" + name);
                }
            }
        }
        assertEquals(1, bindings.size(), "bindings: " + bindings);
        assertTrue(bindings.get(0).startsWith("lib/log4j-slf4j-impl-"), bindings.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }

    /** Runs a launcher without class-data sharing, so that no training JVM outlives the test. */
    private static Result run(Path script, String... args) throws IOException, InterruptedException {
        return run(Map.of("SPINDLE_CLIENT_CDS", "false"), script, args);
    }

    private static Result run(Map<String, String> env, Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SPINDLE_CONF_DIR");
        builder.environment().remove("HADOOP_CLASSPATH");
        builder.environment().remove("JVM_ARGS");
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = Files.createTempFile("spindle-out", ".txt");
        Path err = Files.createTempFile("spindle-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not finish within 60 s");
        }
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    @Test
    void launchersRunFromTheDistribution() throws Exception {
        Result help = run(dist.resolve("bin/spindle"), "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("run-application"), help.out());
        Result appHelp = run(dist.resolve("bin/spindle"), "run-application", "--help");
        assertEquals(0, appHelp.exitCode(), appHelp.err());
        assertTrue(appHelp.out().contains("-c,--class <classname>"), appHelp.out());
        Result unknown = run(dist.resolve("bin/spindle"), "frobnicate");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown action 'frobnicate'"), unknown.err());
        Result session = run(dist.resolve("bin/yarn-session.sh"), "--help");
        assertEquals(0, session.exitCode(), session.err());
        assertTrue(session.out().contains("-jm,--jobManagerMemory"), session.out());
        assertTrue(!session.err().contains("SLF4J"), "slf4j complains: " + session.err());
    }

    @Test
    void clientJvmsMapTheirClassesFromAnArchiveTrainedOnce(@TempDir Path tmp) throws Exception {
        Path cds = tmp.resolve("cds");
        Result first = run(Map.of("SPINDLE_CDS_DIR", cds.toString()), dist.resolve("bin/spindle"), "--version");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().startsWith("Spindle ") && first.out().lines().count() == 1, first.out());
        assertEquals("", first.err());

        // Trained in the background by the first run, which took the lock before it exited; bounded by the class timeout.
        while (filesIn(cds, ".*\\.lock").size() > 0) {
            Thread.sleep(200); // the training JVM tells nobody it ended
        }
        List<Path> archives = filesIn(cds, "client-\\d+\\.jsa");
        assertEquals(1, archives.size(), "one archive, no temporary files: " + filesIn(cds, ".*"));
        Path archive = archives.get(0);
        Path classLog = tmp.resolve("classes.log");
        for (Path launcher : List.of(dist.resolve("bin/spindle"), dist.resolve("bin/yarn-session.sh"))) {
            Result mapped = run(Map.of("SPINDLE_CDS_DIR", cds.toString(), "JVM_ARGS", "-Xlog:class+load:file=" + classLog),
                    launcher, launcher.endsWith("spindle") ? "--version" : "--help");
            assertEquals(0, mapped.exitCode(), mapped.err());
            assertEquals("", mapped.err(), "nothing about the archive is printed");
            String loaded = Files.readString(classLog);
            String main = launcher.endsWith("spindle") ? "CliFrontend" : "SessionCli";
            assertTrue(loaded.contains("dev.spindle.yarn.client.cli." + main + " source: shared objects file (top)"),
                    main + " not mapped from " + archive + ": " + loaded.lines().filter(l -> l.contains(main)).toList());
        }

        Path off = tmp.resolve("off");
        Result disabled = run(Map.of("SPINDLE_CDS_DIR", off.toString(), "SPINDLE_CLIENT_CDS", "false"), dist.resolve("bin/spindle"),
                "--version");
        assertEquals(0, disabled.exitCode(), disabled.err());
        assertTrue(Files.notExists(off), "SPINDLE_CLIENT_CDS=false trains no archive");
    }

    private static List<Path> filesIn(Path dir, String nameRegex) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(nameRegex)).toList();
        }
    }

    @Test
    void launcherRunsFromTheSourceTree() throws Exception {
        Path sourceBin = dist.getParent().getParent().getParent().resolve("bin/spindle");
        Result version = run(sourceBin, "--version");
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().startsWith("Spindle "), version.out());
    }
}
