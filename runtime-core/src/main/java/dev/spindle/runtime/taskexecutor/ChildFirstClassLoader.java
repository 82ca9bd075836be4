package dev.spindle.runtime.taskexecutor;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Looks in the user jars before the framework, so a user's library versions win over Spindle's,
 * except for the JDK, logging, Hadoop and Spindle's own classes, which must be shared with the
 * runtime for the task to talk to it.
 */
final class ChildFirstClassLoader extends URLClassLoader {

    private static final String[] ALWAYS_PARENT_FIRST = {
        "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.slf4j.", "org.apache.logging.", "org.apache.hadoop.",
        "dev.spindle.api.", "dev.spindle.runtime.", "dev.spindle.configuration.",
    };

    static {
        ClassLoader.registerAsParallelCapable();
    }

    ChildFirstClassLoader(URL[] urls, ClassLoader parent) {
        super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (isParentFirst(name)) {
                    return super.loadClass(name, resolve);
                }
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private static boolean isParentFirst(String name) {
        for (String p : ALWAYS_PARENT_FIRST) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public URL getResource(String name) {
        URL url = findResource(name);
        return url != null ? url : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        if (getParent() != null) {
            all.addAll(Collections.list(getParent().getResources(name)));
        }
        return Collections.enumeration(all);
    }
}
