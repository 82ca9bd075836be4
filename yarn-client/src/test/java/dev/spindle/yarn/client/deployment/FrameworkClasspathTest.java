package dev.spindle.yarn.client.deployment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkClasspathTest {

    @TempDir
    Path tmp;

    @Test
    void keepsFrameworkJarsAndPacksClassDirsButDropsTestAndClusterJars() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path runtime = Files.createFile(repo.resolve("spindle-runtime-core-0.1.jar"));
        Path hadoop = Files.createFile(repo.resolve("hadoop-common-3.4.2.jar"));
        Path tests = Files.createFile(repo.resolve("hadoop-common-3.4.2-tests.jar"));
        Path junit = Files.createFile(repo.resolve("junit-4.13.2.jar"));
        Path mini = Files.createFile(repo.resolve("hadoop-yarn-server-nodemanager-3.4.2.jar"));
        Path classes = Files.createDirectories(tmp.resolve("app-master/target/classes/dev/x"));
        Files.writeString(classes.resolve("A.class"), "bytes");
        Path testClasses = Files.createDirectories(tmp.resolve("app-master/target/test-classes"));

        String cp = String.join(File.pathSeparator, runtime.toString(), hadoop.toString(), tests.toString(), junit.toString(),
                mini.toString(), tmp.resolve("app-master/target/classes").toString(), testClasses.toString());
        List<Path> jars = FrameworkClasspath.fromClasspath(cp, tmp.resolve("work"));

        assertEquals(List.of(runtime, hadoop, tmp.resolve("work/spindle-app-master-classes.jar")), jars);
        try (JarFile jar = new JarFile(jars.get(2).toFile())) {
            assertTrue(jar.getEntry("dev/x/A.class") != null);
        }
        // Packing twice gives the same bytes, so the jar cache recognises it.
        byte[] once = Files.readAllBytes(jars.get(2));
        byte[] twice = Files.readAllBytes(FrameworkClasspath.fromClasspath(cp, tmp.resolve("work2")).get(2));
        assertArrayEquals(once, twice);
    }
}
