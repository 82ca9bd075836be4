package dev.spindle.configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds every {@code *Options} class in package {@code dev.spindle.configuration} on a
 * classpath (in any jar or directory, so options added by other modules are found too) and the
 * {@link ConfigOption} constants they declare.
 */
public final class ConfigOptionsDiscovery {

    private static final String PACKAGE = ConfigOption.class.getPackageName();
    private static final String PACKAGE_PATH = PACKAGE.replace('.', '/');

    private ConfigOptionsDiscovery() {
    }

    /** The options of all {@code *Options} classes visible to {@code classLoader}, sorted by key. */
    public static List<ConfigOption<?>> discoverOptions(ClassLoader classLoader) {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Class<?> holder : discoverOptionClasses(classLoader)) {
            options.addAll(optionsOf(holder));
        }
        options.sort(Comparator.comparing(ConfigOption::key));
        return options;
    }

    /** The {@code *Options} classes of the configuration package, sorted by name. */
    public static List<Class<?>> discoverOptionClasses(ClassLoader classLoader) {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = classLoader.getResources(PACKAGE_PATH);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    namesInDirectory(Path.of(root.toURI()), names);
                } else if ("jar".equals(root.getProtocol())) {
                    namesInJar(((JarURLConnection) root.openConnection()).getJarFile(), names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan the classpath for configuration options", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(PACKAGE + "." + name, true, classLoader));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Options class " + name + " listed but not loadable", e);
            }
        }
        return classes;
    }

    /** The public static ConfigOption fields of one class, in declaration order. */
    public static List<ConfigOption<?>> optionsOf(Class<?> holder) {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Field field : holder.getDeclaredFields()) {
            int mod = field.getModifiers();
            if (Modifier.isStatic(mod) && Modifier.isPublic(mod) && ConfigOption.class.isAssignableFrom(field.getType())) {
                try {
                    options.add((ConfigOption<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return options;
    }

    private static void namesInDirectory(Path dir, TreeSet<String> names) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).forEach(f -> addIfOptionsClass(f, names));
        }
    }

    private static void namesInJar(JarFile jar, TreeSet<String> names) {
        Enumeration<JarEntry> entries = jar.entries();
        String prefix = PACKAGE_PATH + "/";
        while (entries.hasMoreElements()) {
            String entry = entries.nextElement().getName();
            if (entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0) {
                addIfOptionsClass(entry.substring(prefix.length()), names);
            }
        }
    }

    private static void addIfOptionsClass(String fileName, TreeSet<String> names) {
        if (fileName.endsWith("Options.class") && !fileName.contains("$") && !fileName.equals("ConfigOptions.class")) {
            names.add(fileName.substring(0, fileName.length() - ".class".length()));
        }
    }
}
