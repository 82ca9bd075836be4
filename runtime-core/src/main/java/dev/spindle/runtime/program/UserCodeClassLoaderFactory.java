package dev.spindle.runtime.program;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.CoreOptions;
import dev.spindle.configuration.IllegalConfigurationException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the classloader user code runs in, as {@code classloader.resolve-order} says. */
public final class UserCodeClassLoaderFactory {

    /**
     * Prefixes always loaded from Spindle's classpath: the JDK, the API and runtime user code talks
     * to (one copy of each class, or casts between user code and framework fail), and the logging
     * and Hadoop classes whose singletons the framework already set up.
     */
    public static final List<String> ALWAYS_PARENT_FIRST = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "dev.spindle.api.", "dev.spindle.runtime.", "dev.spindle.configuration.", "org.slf4j.",
            "org.apache.logging.log4j.", "org.apache.hadoop.");

    private UserCodeClassLoaderFactory() {
    }

    /** A classloader over {@code urls} that resolves child-first or parent-first as {@code classloader.resolve-order} says. */
    public static URLClassLoader create(List<URL> urls, ClassLoader parent, Configuration configuration) {
        String order = configuration.get(CoreOptions.CLASSLOADER_RESOLVE_ORDER).trim().toLowerCase(Locale.ROOT);
        URL[] urlArray = urls.toArray(new URL[0]);
        switch (order) {
            case "child-first":
                List<String> parentFirst = new ArrayList<>(ALWAYS_PARENT_FIRST);
                parentFirst.addAll(configuration.get(CoreOptions.PARENT_FIRST_PATTERNS_ADDITIONAL));
                return new ChildFirstClassLoader(urlArray, parent, parentFirst);
            case "parent-first":
                return new URLClassLoader("spindle-user-code", urlArray, parent);
            default:
                throw new IllegalConfigurationException("Invalid value '" + order + "' for configuration key '"
                        + CoreOptions.CLASSLOADER_RESOLVE_ORDER.key() + "': use child-first or parent-first.");
        }
    }
}
