package dev.spindle.runtime.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.CoreOptions;
import dev.spindle.configuration.IllegalConfigurationException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagedProgramTest {

    private static final String OUT = "spindle.test.program.out";

    @TempDir
    static Path dir;

    private static Path appJar;

    /** A program that reports where its classes came from through a system property. */
    private static final String MAIN = """
            package com.example;
            public class App {
                public static void main(String[] args) {
                    boolean contextIsOwnLoader = Thread.currentThread().getContextClassLoader() == App.class.getClassLoader();
                    System.setProperty("%s", String.join(",", args) + "|" + org.example.shared.Greeting.value()
                            + "|" + contextIsOwnLoader
                            + "|" + (dev.spindle.configuration.Configuration.class.getClassLoader() == App.class.getClassLoader()));
                }
            }
            """.formatted(OUT);

    private static final String GREETING_IN_JAR = """
            package org.example.shared;
            public final class Greeting {
                public static String value() { return "child"; }
            }
            """;

    /** Same name as the framework's class: must never be loaded from the user jar. */
    private static final String FAKE_CONFIGURATION = """
            package dev.spindle.configuration;
            public final class Configuration { }
            """;

    @BeforeAll
    static void buildJar() throws IOException {
        appJar = TestJars.build(dir, "app.jar", "com.example.App", Map.of("com.example.App", MAIN,
                "org.example.shared.Greeting", GREETING_IN_JAR,
                "dev.spindle.configuration.Configuration", FAKE_CONFIGURATION,
                "com.example.NoMain", "package com.example; public class NoMain { }",
                "com.example.InstanceMain", "package com.example; public class InstanceMain { public void main(String[] a) { } }",
                "com.example.Failing", """
                        package com.example;
                        public class Failing {
                            public static void main(String[] args) { throw new IllegalStateException("user bug"); }
                        }
                        """));
    }

    @AfterEach
    void clear() {
        System.clearProperty(OUT);
    }

    private static String message(File jar, String entryClass) {
        return assertThrows(ProgramInvocationException.class,
                () -> PackagedProgram.create(jar, entryClass, new String[0], List.of(), new Configuration())).getMessage();
    }

    @Test
    void runsManifestMainChildFirstWithContextClassLoader() throws Exception {
        try (PackagedProgram program = PackagedProgram.create(appJar.toFile(), null, new String[] {"a", "b"}, List.of(),
                new Configuration())) {
            assertEquals("com.example.App", program.getMainClassName());
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            program.invokeMain();
            assertSame(before, Thread.currentThread().getContextClassLoader(), "context classloader restored");
            // user jar wins for its own libraries; framework classes come from the parent
            assertEquals("a,b|child|true|false", System.getProperty(OUT));
            assertSame(Configuration.class,
                    program.getUserCodeClassLoader().loadClass("dev.spindle.configuration.Configuration"));
            assertNotSame(org.example.shared.Greeting.class,
                    program.getUserCodeClassLoader().loadClass("org.example.shared.Greeting"));
        }
    }

    @Test
    void resourcesComeFromTheUserJarFirstWhenChildFirst() throws Exception {
        Path withResource = TestJars.build(dir, "res.jar", "com.example.App", Map.of("com.example.App", MAIN),
                Map.of("spindle-program-test.properties", "origin=child\n"));
        try (PackagedProgram childFirst = PackagedProgram.create(withResource.toFile(), null, new String[0], List.of(),
                new Configuration());
                PackagedProgram parentFirst = PackagedProgram.create(withResource.toFile(), null, new String[0],
                        List.of(), new Configuration().set(CoreOptions.CLASSLOADER_RESOLVE_ORDER, "parent-first"))) {
            assertEquals("origin=child", read(childFirst.getUserCodeClassLoader()));
            assertEquals("origin=parent", read(parentFirst.getUserCodeClassLoader()));
            assertEquals(2, java.util.Collections.list(childFirst.getUserCodeClassLoader()
                    .getResources("spindle-program-test.properties")).size(), "both copies listed");
        }
    }

    private static String read(ClassLoader loader) throws IOException {
        try (var in = loader.getResourceAsStream("spindle-program-test.properties")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        }
    }

    @Test
    void parentFirstResolveOrderUsesFrameworkClasspath() throws Exception {
        Configuration conf = new Configuration().set(CoreOptions.CLASSLOADER_RESOLVE_ORDER, "parent-first");
        try (PackagedProgram program = PackagedProgram.create(appJar.toFile(), null, new String[0], List.of(), conf)) {
            program.invokeMain();
            assertEquals("|parent|true|false", System.getProperty(OUT));
        }
    }

    @Test
    void additionalParentFirstPatterns() throws Exception {
        Configuration conf = new Configuration().setString(CoreOptions.PARENT_FIRST_PATTERNS_ADDITIONAL.key(),
                "org.example.shared.");
        try (PackagedProgram program = PackagedProgram.create(appJar.toFile(), null, new String[0], List.of(), conf)) {
            program.invokeMain();
            assertEquals("|parent|true|false", System.getProperty(OUT));
        }
    }

    @Test
    void badResolveOrderNamesKey() {
        Configuration conf = new Configuration().set(CoreOptions.CLASSLOADER_RESOLVE_ORDER, "sideways");
        String m = assertThrows(IllegalConfigurationException.class,
                () -> PackagedProgram.create(appJar.toFile(), null, new String[0], List.of(), conf)).getMessage();
        assertTrue(m.contains("classloader.resolve-order") && m.contains("sideways") && m.contains("parent-first"), m);
    }

    @Test
    void entryClassArgumentOverridesManifest() throws Exception {
        try (PackagedProgram program = PackagedProgram.create(appJar.toFile(), "com.example.Failing", new String[0],
                List.of(), new Configuration())) {
            ProgramInvocationException e = assertThrows(ProgramInvocationException.class, program::invokeMain);
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertEquals("user bug", e.getCause().getMessage());
            assertTrue(e.getMessage().contains("com.example.Failing"), e.getMessage());
        }
    }

    @Test
    void missingJar() {
        File missing = dir.resolve("missing.jar").toFile();
        String m = message(missing, "x.Y");
        assertTrue(m.contains("missing.jar") && m.contains("does not exist"), m);
        assertTrue(message(null, "x.Y").contains("No program jar"));
    }

    @Test
    void notAJar() throws IOException {
        File text = Files.writeString(dir.resolve("notes.jar"), "just text").toFile();
        assertTrue(message(text, null).contains("is not a jar file"), message(text, null));
        assertTrue(message(text, "com.example.App").contains("is not a jar file"));
    }

    @Test
    void noEntryClassAnywhere() throws IOException {
        Path noManifestMain = TestJars.build(dir, "lib.jar", null, Map.of("com.example.Lib",
                "package com.example; public class Lib { }"));
        String m = message(noManifestMain.toFile(), null);
        assertTrue(m.contains("no Main-Class") && m.contains("-c/--class"), m);
    }

    @Test
    void entryClassNotInJar() {
        String m = message(appJar.toFile(), "com.example.Missing");
        assertTrue(m.contains("'com.example.Missing' was not found in") && m.contains("app.jar"), m);
    }

    @Test
    void noMainMethod() {
        String m = message(appJar.toFile(), "com.example.NoMain");
        assertTrue(m.contains("has no 'public static void main(String[] args)'"), m);
        String m2 = message(appJar.toFile(), "com.example.InstanceMain");
        assertTrue(m2.contains("not 'public static void main(String[] args)'"), m2);
    }
}
