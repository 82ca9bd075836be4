package dev.spindle.runtime.program;

import dev.spindle.configuration.Configuration;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A user program in a jar: its entry class (from {@code -c} or the manifest's Main-Class), its
 * arguments, and a user-code classloader (child-first unless {@code classloader.resolve-order} is
 * parent-first). {@link #invokeMain()} runs {@code main(String[])} with that classloader as the
 * thread's context classloader.
 */
public final class PackagedProgram implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PackagedProgram.class);

    private final File jar;
    private final String mainClassName;
    private final String[] args;
    private final URLClassLoader userCodeClassLoader;
    private final Method mainMethod;

    private PackagedProgram(File jar, String mainClassName, String[] args, URLClassLoader userCodeClassLoader,
            Method mainMethod) {
        this.jar = jar;
        this.mainClassName = mainClassName;
        this.args = args;
        this.userCodeClassLoader = userCodeClassLoader;
        this.mainMethod = mainMethod;
    }

    /**
     * Loads the program; throws ProgramInvocationException with a user-facing message when the
     * jar is missing or not a jar, no entry class is given or found, or it has no
     * {@code public static void main(String[])}.
     */
    public static PackagedProgram create(File jar, String entryClassOrNull, String[] args, List<URL> extraClasspath,
            Configuration configuration) throws ProgramInvocationException {
        if (jar == null) {
            throw new ProgramInvocationException("No program jar given. Pass the jar file after the options, e.g."
                    + " 'spindle run -c com.example.Main app.jar'.");
        }
        if (!jar.exists()) {
            throw new ProgramInvocationException("Program jar '" + jar + "' does not exist.");
        }
        if (!jar.isFile() || !jar.canRead()) {
            throw new ProgramInvocationException("Program jar '" + jar + "' is not a readable file.");
        }
        String entryClass = entryClassOrNull != null && !entryClassOrNull.isBlank() ? entryClassOrNull.trim()
                : mainClassFromManifest(jar);
        URLClassLoader classLoader = UserCodeClassLoaderFactory.create(urls(jar, extraClasspath),
                PackagedProgram.class.getClassLoader(), configuration);
        try {
            Method main = findMain(jar, entryClass, classLoader);
            LOG.info("Loaded program {} from {}", entryClass, jar);
            return new PackagedProgram(jar, entryClass, args == null ? new String[0] : args.clone(), classLoader, main);
        } catch (ProgramInvocationException | RuntimeException e) {
            closeQuietly(classLoader);
            throw e;
        }
    }

    private static String mainClassFromManifest(File jar) throws ProgramInvocationException {
        try (JarFile jarFile = new JarFile(jar)) {
            Manifest manifest = jarFile.getManifest();
            String mainClass = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            if (mainClass == null || mainClass.isBlank()) {
                throw new ProgramInvocationException("No entry class for '" + jar + "': the jar's manifest has no"
                        + " Main-Class. Name the class with -c/--class, e.g. -c com.example.WordCount.");
            }
            return mainClass.trim();
        } catch (ZipException e) {
            throw new ProgramInvocationException("'" + jar + "' is not a jar file (" + e.getMessage() + ").", e);
        } catch (IOException e) {
            throw new ProgramInvocationException("Cannot read program jar '" + jar + "': " + e.getMessage(), e);
        }
    }

    private static List<URL> urls(File jar, List<URL> extraClasspath) throws ProgramInvocationException {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(jar.getAbsoluteFile().toURI().toURL());
        } catch (MalformedURLException e) {
            throw new ProgramInvocationException("Cannot turn '" + jar + "' into a URL: " + e.getMessage(), e);
        }
        if (extraClasspath != null) {
            urls.addAll(extraClasspath);
        }
        return urls;
    }

    private static Method findMain(File jar, String entryClass, ClassLoader classLoader)
            throws ProgramInvocationException {
        checkIsJar(jar);
        Class<?> mainClass;
        try {
            mainClass = Class.forName(entryClass, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new ProgramInvocationException("Entry class '" + entryClass + "' was not found in '" + jar
                    + "'. Check the -c/--class value or the manifest's Main-Class: it must be a fully qualified"
                    + " class name such as com.example.WordCount.", e);
        } catch (LinkageError e) {
            throw new ProgramInvocationException("Entry class '" + entryClass + "' in '" + jar
                    + "' could not be loaded: " + e, e);
        }
        Method main;
        try {
            main = mainClass.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            throw new ProgramInvocationException("Entry class '" + entryClass + "' has no"
                    + " 'public static void main(String[] args)' method.", e);
        } catch (LinkageError e) {
            throw new ProgramInvocationException("Entry class '" + entryClass + "' in '" + jar
                    + "' refers to classes that cannot be loaded: " + e, e);
        }
        if (!Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class) {
            throw new ProgramInvocationException("Entry class '" + entryClass + "' has a main method that is not"
                    + " 'public static void main(String[] args)'.");
        }
        // As the java launcher does: a public main in a non-public class is still runnable.
        main.setAccessible(true);
        return main;
    }

    /** A jar with a corrupt header would otherwise surface as a puzzling ClassNotFoundException. */
    private static void checkIsJar(File jar) throws ProgramInvocationException {
        try (JarFile ignored = new JarFile(jar)) {
            // opened fine
        } catch (ZipException e) {
            throw new ProgramInvocationException("'" + jar + "' is not a jar file (" + e.getMessage() + ").", e);
        } catch (IOException e) {
            throw new ProgramInvocationException("Cannot read program jar '" + jar + "': " + e.getMessage(), e);
        }
    }

    public File getJarFile() {
        return jar;
    }

    public String getMainClassName() {
        return mainClassName;
    }

    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    public String[] getArguments() {
        return args.clone();
    }

    /** Runs main(); an exception thrown by the program comes back as the cause of ProgramInvocationException. */
    public void invokeMain() throws ProgramInvocationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(userCodeClassLoader);
        try {
            mainMethod.invoke(null, (Object) args.clone());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getTargetException();
            throw new ProgramInvocationException("The program's main method (" + mainClassName + ") failed: " + cause,
                    cause);
        } catch (IllegalAccessException e) {
            throw new ProgramInvocationException("Cannot call main of '" + mainClassName + "': the class or method is"
                    + " not public.", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Closes the user-code classloader (its jar files). */
    @Override
    public void close() {
        closeQuietly(userCodeClassLoader);
    }

    private static void closeQuietly(URLClassLoader classLoader) {
        try {
            classLoader.close();
        } catch (IOException e) {
            LOG.debug("Closing user-code classloader failed", e);
        }
    }
}
