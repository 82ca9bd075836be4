package dev.spindle.runtime.taskexecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobExecutionException;
import dev.spindle.api.JobExecutionResult;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.jobgraph.JobVertexID;
import dev.spindle.runtime.minicluster.MiniClusterExecutor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** User code that exists only in a jar, compiled here, reaches the TaskExecutors through the job's user jars. */
@Timeout(60)
class UserJarClassLoadingTest {

    private static final String INVOKABLE = "userjob.JarInvokable";
    private static final String MAX_SOURCE = """
            package userjob;
            import dev.spindle.api.accumulators.Accumulator;
            public class Max implements Accumulator<Long, Long> {
                private long value;
                public Max(long value) { this.value = value; }
                public void add(Long v) { value = Math.max(value, v); }
                public Long getLocalValue() { return value; }
                public void resetLocal() { value = Long.MIN_VALUE; }
                public void merge(Accumulator<Long, Long> other) { add(other.getLocalValue()); }
                public Max clone() { return new Max(value); }
            }
            """;
    private static final String SOURCE = """
            package userjob;
            import dev.spindle.api.accumulators.LongCounter;
            import dev.spindle.runtime.task.TaskEnvironment;
            import dev.spindle.runtime.task.TaskInvokable;
            public class JarInvokable implements TaskInvokable {
                public void invoke(TaskEnvironment env) throws Exception {
                    LongCounter which = new LongCounter();
                    env.getAccumulatorRegistry().getOrRegister("which", which);
                    // a resource outside the framework packages: those always come from the framework
                    try (var in = getClass().getClassLoader().getResourceAsStream("userjob/which.txt")) {
                        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        which.add(text.equals("child") ? 2L : 1L);
                    }
                    env.getAccumulatorRegistry().getOrRegister("max", new Max(10 + env.getSubtaskIndex()));
                    if (Thread.currentThread().getContextClassLoader() != getClass().getClassLoader()) {
                        throw new IllegalStateException("user code must run with its classloader as context classloader");
                    }
                }
                public void cancel() {
                }
            }
            """;

    @TempDir
    static Path dir;
    private static Path jar;

    @BeforeAll
    static void buildJar() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/userjob")).resolve("JarInvokable.java");
        Files.writeString(src, SOURCE);
        Path max = src.resolveSibling("Max.java");
        Files.writeString(max, MAX_SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), src.toString(),
                max.toString());
        assertEquals(0, rc, "compiling the user job failed");
        jar = dir.resolve("user-job.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("userjob/JarInvokable.class"));
            out.write(Files.readAllBytes(classes.resolve("userjob/JarInvokable.class")));
            out.putNextEntry(new JarEntry("userjob/Max.class"));
            out.write(Files.readAllBytes(classes.resolve("userjob/Max.class")));
            out.putNextEntry(new JarEntry("userjob/which.txt"));
            out.write("child".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static JobGraph job(String resolveOrder, URI userJar) {
        Configuration conf = new Configuration();
        if (resolveOrder != null) {
            conf.setString("classloader.resolve-order", resolveOrder);
        }
        JobGraph graph = new JobGraph(new JobID(), "user-jar", conf);
        graph.addVertex(new JobVertex(new JobVertexID(), "user code", 2, INVOKABLE, null));
        graph.addUserJar(userJar);
        return graph;
    }

    private static Object run(JobGraph graph) throws Exception {
        JobExecutionResult r = new MiniClusterExecutor().submit(graph, new Configuration(), UserJarClassLoadingTest.class.getClassLoader())
                .getJobExecutionResult().get(30, TimeUnit.SECONDS);
        // the job master has no user classes: a user accumulator comes back as the text of each subtask's value
        Object max = r.getAccumulatorResult("max");
        assertInstanceOf(List.class, max);
        assertEquals(java.util.Set.of("10", "11"), new java.util.HashSet<>((List<?>) max));
        return r.getAccumulatorResult("which");
    }

    @Test
    void userClassesComeFromTheJarChildFirstByDefault() throws Exception {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(INVOKABLE));
        assertEquals(4L, run(job(null, jar.toUri())), "both subtasks saw the jar's resource first");
    }

    @Test
    void parentFirstPrefersTheFrameworksClasspath() throws Exception {
        assertEquals(2L, run(job("parent-first", jar.toUri())));
    }

    @Test
    void aMissingJarFailsTheJobNamingIt() {
        URI missing = dir.resolve("nope.jar").toUri();
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(job(null, missing)));
        JobExecutionException jee = assertInstanceOf(JobExecutionException.class, e.getCause());
        assertTrue(jee.getMessage().contains(missing.toString()) && jee.getMessage().contains("not readable"), jee.getMessage());
    }

    @Test
    void aBadResolveOrderNamesTheKey() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> run(job("sideways", jar.toUri())));
        assertTrue(e.getCause().getMessage().contains("classloader.resolve-order"), e.getCause().getMessage());
        assertTrue(List.of(e.getCause().getMessage().split(" ")).contains("'sideways'"), e.getCause().getMessage());
    }

    @Test
    void remoteJarsAreDownloadedOncePerTaskExecutorAndJobAndDeletedAfterIt() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("te-tmp"));
        Configuration conf = new Configuration();
        conf.setString("spindle.hadoop.fs.testremote.impl", RemoteLikeFileSystem.class.getName());
        conf.setString("spindle.hadoop.fs.testremote.impl.disable.cache", "true");
        conf.setString("io.tmp.dirs", tmp.toString());
        conf.setString("minicluster.number-of-taskexecutors", "1");
        conf.setString("taskmanager.numberOfTaskSlots", "2");
        RemoteLikeFileSystem.OPENS.set(0);
        JobGraph graph = job(null, URI.create("testremote://" + jar.toUri().getPath()));
        JobExecutionResult r = new MiniClusterExecutor().submit(graph, conf, getClass().getClassLoader())
                .getJobExecutionResult().get(30, TimeUnit.SECONDS);
        assertEquals(4L, (Long) r.getAccumulatorResult("which"));
        assertEquals(1, RemoteLikeFileSystem.OPENS.get(), "two subtasks on one TaskExecutor share one download");
        try (var left = Files.walk(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.toString().endsWith(".jar")).toList(), "downloaded jars are deleted");
        }
    }
}
