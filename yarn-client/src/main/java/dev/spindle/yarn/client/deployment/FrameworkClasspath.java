package dev.spindle.yarn.client.deployment;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The jars Spindle's containers run from: the distribution's {@code lib/} (system property
 * {@value #LIB_DIR_PROPERTY}, set by bin/spindle), else the jars this client runs from minus
 * test-only and mini-cluster jars (tests, IDE). Class directories of a reactor build are packed
 * into jars once, so that containers get jars either way.
 */
public final class FrameworkClasspath {

    /** System property naming the distribution's lib dir. */
    public static final String LIB_DIR_PROPERTY = "spindle.lib.dir";
    /** Environment alternative to {@link #LIB_DIR_PROPERTY}. */
    public static final String LIB_DIR_ENV = "SPINDLE_LIB_DIR";

    // Test frameworks, build tools, the server side of Hadoop (the cluster runs it, not our containers),
    // and the examples, integration-test and embedded-cluster modules (user code, tests and the cluster
    // itself, not framework).
    private static final Pattern EXCLUDED_JARS = Pattern.compile(String.join("|",
            ".*-tests\\.jar", "junit-.*", "junit-jupiter.*", "opentest4j-.*", "apiguardian-.*", "hamcrest-.*",
            "mockito-.*", "surefire.*", "hadoop-minicluster-.*", "hadoop-yarn-server-.*", "hadoop-hdfs-\\d.*",
            "hadoop-mapreduce-.*", "hadoop-yarn-applications-.*", "spindle-examples-.*", "spindle-it-.*", "spindle-local-cluster-.*",
            "mockwebserver.*", "bcprov-.*", "bcpkix-.*", "kerb-simplekdc.*", "apacheds-.*", "api-ldap-.*",
            "mssql-jdbc-.*", "ehcache-.*", "leveldbjni-.*", "HikariCP-.*", "geronimo-jcache.*"));
    private static final Pattern EXCLUDED_DIRS = Pattern.compile(".*/(examples|src-it|local-cluster)/target/classes|.*/test-classes");

    private static final long FIXED_ENTRY_TIME = 315532800000L; // 1980-01-01, the zip epoch

    private FrameworkClasspath() {
    }

    /** The framework jars, from the dist's lib dir when known, else from the current classpath. */
    public static List<Path> resolve(Path workDir) throws IOException {
        String libDir = System.getProperty(LIB_DIR_PROPERTY);
        if (libDir == null || libDir.isBlank()) {
            libDir = System.getenv(LIB_DIR_ENV);
        }
        if (libDir != null && !libDir.isBlank()) {
            return fromLibDir(Path.of(libDir));
        }
        String home = System.getenv("SPINDLE_HOME");
        if (home != null && Files.isDirectory(Path.of(home, "lib"))) {
            // bin/spindle exports SPINDLE_HOME; its lib/ is exactly the framework.
            return fromLibDir(Path.of(home, "lib"));
        }
        return fromClasspath(System.getProperty("java.class.path"), workDir);
    }

    public static List<Path> fromLibDir(Path libDir) throws IOException {
        if (!Files.isDirectory(libDir)) {
            throw new IOException("Spindle lib dir " + libDir + " does not exist; is " + LIB_DIR_PROPERTY + " set right?");
        }
        try (Stream<Path> files = Files.list(libDir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** The classpath's jars minus excluded ones; class directories packed into jars under {@code workDir}. */
    public static List<Path> fromClasspath(String classpath, Path workDir) throws IOException {
        Set<Path> result = new LinkedHashSet<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry).toAbsolutePath().normalize();
            String unix = p.toString().replace('\\', '/');
            if (!Files.exists(p) || EXCLUDED_DIRS.matcher(unix).matches()
                    || (!Files.isDirectory(p) && EXCLUDED_JARS.matcher(p.getFileName().toString()).matches())) {
                continue;
            }
            if (Files.isDirectory(p)) {
                result.add(packDirectory(p, workDir));
            } else if (unix.endsWith(".jar")) {
                result.add(p);
            }
        }
        return new ArrayList<>(result);
    }

    /** {@code <module>/target/classes} becomes {@code <workDir>/<module>.jar}. */
    private static Path packDirectory(Path dir, Path workDir) throws IOException {
        Path module = dir.getParent() != null && dir.getParent().getParent() != null ? dir.getParent().getParent() : dir;
        Files.createDirectories(workDir);
        Path jar = workDir.resolve("spindle-" + module.getFileName() + "-classes.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
                Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = dir.relativize(f).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                // A fixed entry time keeps the jar's bytes (and so its cache address) equal across builds.
                JarEntry entry = new JarEntry(Files.isDirectory(f) ? name + "/" : name);
                entry.setTime(FIXED_ENTRY_TIME);
                out.putNextEntry(entry);
                if (!Files.isDirectory(f)) {
                    Files.copy(f, out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
