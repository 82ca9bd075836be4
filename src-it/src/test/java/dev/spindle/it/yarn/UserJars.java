package dev.spindle.it.yarn;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Packs compiled test programs (with their nested classes) into a user jar, as a user's build would. */
public final class UserJars {

    private UserJars() {
    }

    /**
     * The jar a class was loaded from; a reactor build's class dir is packed into {@code jar}
     * first (as 'mvn package' would).
     */
    static Path jarOf(Class<?> mainClass, Path jar) throws IOException {
        Path location;
        try {
            location = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isRegularFile(location)) {
            return location;
        }
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
                Stream<Path> files = Files.walk(location)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(location.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    public static Path pack(Path jar, Class<?>... programs) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os)) {
            for (Class<?> program : programs) {
                Path classFile;
                try {
                    classFile = Path.of(program.getResource(program.getSimpleName() + ".class").toURI());
                } catch (URISyntaxException e) {
                    throw new IOException(e);
                }
                String packagePath = program.getPackageName().replace('.', '/') + "/";
                try (Stream<Path> siblings = Files.list(classFile.getParent())) {
                    for (Path f : (Iterable<Path>) siblings::iterator) {
                        String name = f.getFileName().toString();
                        if (name.equals(program.getSimpleName() + ".class") || name.startsWith(program.getSimpleName() + "$")) {
                            out.putNextEntry(new JarEntry(packagePath + name));
                            Files.copy(f, out);
                            out.closeEntry();
                        }
                    }
                }
            }
        }
        return jar;
    }
}
