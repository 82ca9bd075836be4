package dev.spindle.yarn.client.preflight;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A local user jar exists, is a jar, and holds the entry class ({@code -c} or the manifest's
 * Main-Class) with a {@code public static void main(String[])}. Remote jars are checked for
 * existence only: reading them would mean downloading them.
 */
final class UserJarCheck implements PreflightCheck {

    @Override
    public void check(PreflightContext context) throws PreflightException {
        URI jar = context.userJar();
        if (jar == null) {
            return;
        }
        if (jar.getScheme() != null && !jar.getScheme().equals("file")) {
            checkRemote(context, jar);
            return;
        }
        Path local = Path.of(jar);
        if (!Files.isRegularFile(local)) {
            throw new PreflightException("The user jar " + local + " does not exist or is not a file.");
        }
        String mainClass;
        try (JarFile jarFile = new JarFile(local.toFile())) {
            mainClass = context.mainClass() != null ? context.mainClass() : manifestMainClass(jarFile, local);
            if (jarFile.getEntry(mainClass.replace('.', '/') + ".class") == null) {
                throw new PreflightException("The entry class " + mainClass + " is not in the user jar " + local
                        + "; check the -c/--class name (package included) or rebuild the jar.");
            }
        } catch (IOException e) {
            throw new PreflightException("The user jar " + local + " is not a jar file (" + e.getMessage()
                    + "); pass the jar your build produced.");
        }
        checkMainMethod(local, mainClass);
    }

    private static String manifestMainClass(JarFile jarFile, Path local) throws IOException, PreflightException {
        Manifest manifest = jarFile.getManifest();
        String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
        if (main == null || main.isBlank()) {
            throw new PreflightException("No entry class: -c/--class is missing and the user jar " + local
                    + " has no Main-Class in its manifest. Pass -c <fully.qualified.MainClass>.");
        }
        return main.trim();
    }

    private static void checkMainMethod(Path local, String mainClass) throws PreflightException {
        // Loaded, not initialized: no user code runs on the client here.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {local.toUri().toURL()},
                UserJarCheck.class.getClassLoader())) {
            Class<?> cls = Class.forName(mainClass, false, loader);
            Method main = cls.getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                throw new NoSuchMethodException("main is not static");
            }
        } catch (NoSuchMethodException e) {
            throw new PreflightException("The entry class " + mainClass + " in " + local
                    + " has no 'public static void main(String[] args)'; pass the class that has it with -c/--class.");
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PreflightException("The entry class " + mainClass + " in " + local + " cannot be loaded: " + e
                    + "; is a class it extends missing from the jar?");
        } catch (IOException e) {
            throw new PreflightException("Cannot read the user jar " + local + ": " + e.getMessage(), e);
        }
    }

    private static void checkRemote(PreflightContext context, URI jar) throws PreflightException {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(jar);
            if (!p.getFileSystem(context.yarnConf()).isFile(p)) {
                throw new PreflightException("The user jar " + jar + " does not exist or is not a file.");
            }
        } catch (IOException e) {
            throw new PreflightException("Cannot check the user jar " + jar + ": " + e.getMessage(), e);
        }
    }
}
