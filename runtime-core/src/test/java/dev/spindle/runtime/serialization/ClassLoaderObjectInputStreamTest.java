package dev.spindle.runtime.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.functions.MapFunction;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassLoaderObjectInputStreamTest {

    /** Records which classes it was asked for, then delegates. */
    static final class RecordingLoader extends ClassLoader {
        final Set<String> asked = new HashSet<>();

        RecordingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }

    static final class Hidden {
    }

    /** Refuses one class, as a classloader without the user jar would. */
    static final class Refusing extends ClassLoader {
        Refusing(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.endsWith("$Payload")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    record Payload(String value) implements java.io.Serializable {
    }

    @Test
    void classesAndLambdasResolveThroughTheGivenLoader() throws Exception {
        String suffix = "!";
        MapFunction<String, String> lambda = s -> s + suffix;
        byte[] bytes = JavaSerialization.toBytes(lambda);
        RecordingLoader loader = new RecordingLoader(getClass().getClassLoader());
        @SuppressWarnings("unchecked")
        MapFunction<String, String> back = (MapFunction<String, String>) JavaSerialization.fromBytes(bytes, loader);
        assertEquals("a!", back.map("a"));
        assertTrue(loader.asked.contains(ClassLoaderObjectInputStreamTest.class.getName()), loader.asked.toString());
    }

    @Test
    void aClassMissingFromTheLoaderFails() {
        byte[] bytes = JavaSerialization.toBytes(new Payload("x"));
        assertThrows(ClassNotFoundException.class, () -> JavaSerialization.fromBytes(bytes, new Refusing(getClass().getClassLoader())));
    }

    @Test
    void nonSerializableCapturesAreNamed() {
        Hidden hidden = new Hidden();
        MapFunction<String, String> lambda = s -> s + hidden;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JavaSerialization.toBytes(lambda));
        assertTrue(e.getMessage().contains(Hidden.class.getName()) && e.getMessage().contains("transient"), e.getMessage());
    }
}
