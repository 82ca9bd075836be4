package dev.spindle.runtime.serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.lang.reflect.Proxy;

/** Resolves classes through the job's user-code classloader, so user types in a user jar deserialize. */
public final class ClassLoaderObjectInputStream extends ObjectInputStream {

    private static final java.util.Map<String, Class<?>> PRIMITIVES = java.util.Map.of(
            "boolean", boolean.class, "byte", byte.class, "char", char.class, "short", short.class,
            "int", int.class, "long", long.class, "float", float.class, "double", double.class, "void", void.class);

    private final ClassLoader classLoader;

    public ClassLoaderObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
        super(in);
        this.classLoader = classLoader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        if (classLoader == null) {
            return super.resolveClass(desc);
        }
        try {
            return Class.forName(desc.getName(), false, classLoader);
        } catch (ClassNotFoundException e) {
            // Primitive types have no loadable name. Anything else must not fall back to another loader:
            // a class found elsewhere than in the user's loader breaks with confusing ClassCastExceptions later.
            Class<?> primitive = PRIMITIVES.get(desc.getName());
            if (primitive != null) {
                return primitive;
            }
            throw e;
        }
    }

    @Override
    protected Class<?> resolveProxyClass(String[] interfaces) throws IOException, ClassNotFoundException {
        if (classLoader == null) {
            return super.resolveProxyClass(interfaces);
        }
        Class<?>[] resolved = new Class<?>[interfaces.length];
        for (int i = 0; i < interfaces.length; i++) {
            resolved[i] = Class.forName(interfaces[i], false, classLoader);
        }
        return Proxy.getProxyClass(classLoader, resolved);
    }
}
