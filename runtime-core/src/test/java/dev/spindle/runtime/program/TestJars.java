package dev.spindle.runtime.program;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources and packs them into a jar, as a user would build a program jar. */
final class TestJars {

    private TestJars() {
    }

    /** sources: fully qualified class name → source text. */
    static Path build(Path workDir, String jarName, String mainClassOrNull, Map<String, String> sources)
            throws IOException {
        return build(workDir, jarName, mainClassOrNull, sources, Map.of());
    }

    /** As above, plus resources: path in the jar → text. */
    static Path build(Path workDir, String jarName, String mainClassOrNull, Map<String, String> sources,
            Map<String, String> resources) throws IOException {
        Path src = Files.createTempDirectory(workDir, "src");
        Path classes = Files.createTempDirectory(workDir, "classes");
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            files.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
        args.addAll(files);
        int rc = compiler.run(null, null, null, args.toArray(new String[0]));
        if (rc != 0) {
            throw new IllegalStateException("test sources did not compile");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClassOrNull != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClassOrNull);
        }
        Path jar = workDir.resolve(jarName);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(p));
                jarOut.closeEntry();
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                jarOut.putNextEntry(new JarEntry(resource.getKey()));
                jarOut.write(resource.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
