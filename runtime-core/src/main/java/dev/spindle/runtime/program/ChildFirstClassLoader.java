package dev.spindle.runtime.program;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Looks for classes and resources in the user jar first and only then in the parent, so that a
 * user's library versions win over Spindle's, except for the always-parent-first prefixes.
 */
final class ChildFirstClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final List<String> parentFirstPrefixes;

    ChildFirstClassLoader(URL[] urls, ClassLoader parent, List<String> parentFirstPrefixes) {
        super("spindle-user-code", urls, parent);
        this.parentFirstPrefixes = List.copyOf(parentFirstPrefixes);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                if (isParentFirst(name)) {
                    loaded = super.loadClass(name, false);
                } else {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException notInUserJar) {
                        loaded = super.loadClass(name, false);
                    }
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        if (!isParentFirst(name.replace('/', '.'))) {
            URL own = findResource(name);
            if (own != null) {
                return own;
            }
        }
        return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        ClassLoader parent = getParent();
        if (parent != null) {
            for (URL url : Collections.list(parent.getResources(name))) {
                if (!all.contains(url)) {
                    all.add(url);
                }
            }
        }
        return Collections.enumeration(all);
    }

    private boolean isParentFirst(String name) {
        for (String prefix : parentFirstPrefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
