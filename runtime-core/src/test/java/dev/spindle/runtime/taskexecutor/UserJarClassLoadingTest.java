package dev.spindle.runtime.taskexecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobExecutionException;
import dev.spindle.api.JobExecutionResult;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobID;
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
    private static final String SOURCE = """
            package userjob;
            import dev.spindle.api.accumulators.LongCounter;
            import dev.spindle.runtime.task.TaskEnvironment;
            import dev.spindle.runtime.task.TaskInvokable;
            public class JarInvokable implements TaskInvokable {
                public void invoke(TaskEnvironment env) throws Exception {
                    LongCounter which = new LongCounter();
                    env.getAccumulatorRegistry().getOrRegister("which", which);
                    try (var in = getClass().getClassLoader().getResourceAsStream("dev/spindle/runtime/taskexecutor/which.txt")) {
                        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        which.add(text.equals("child") ? 2L : 1L);
                    }
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
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), src.toString());
        assertEquals(0, rc, "compiling the user job failed");
        jar = dir.resolve("user-job.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("userjob/JarInvokable.class"));
            out.write(Files.readAllBytes(classes.resolve("userjob/JarInvokable.class")));
            out.putNextEntry(new JarEntry("dev/spindle/runtime/taskexecutor/which.txt"));
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
        JobExecutionResult r = new MiniClusterExecutor().execute(graph, new Configuration(), UserJarClassLoadingTest.class.getClassLoader())
                .getJobExecutionResult().get(30, TimeUnit.SECONDS);
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
}
