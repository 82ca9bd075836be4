package dev.spindle.runtime.serialization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;

/** Java serialization to and from bytes, reading with a given classloader. */
public final class JavaSerialization {

    private JavaSerialization() {
    }

    public static byte[] toBytes(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("Cannot serialize " + value.getClass().getName() + ": " + e.getMessage()
                    + " is not Serializable. User functions and everything they reference (fields, captured variables) "
                    + "must implement java.io.Serializable, or be marked transient and created in open()", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialize " + value.getClass().getName() + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    public static Object fromBytes(byte[] data, int offset, int length, ClassLoader classLoader)
            throws IOException, ClassNotFoundException {
        try (ClassLoaderObjectInputStream in =
                     new ClassLoaderObjectInputStream(new ByteArrayInputStream(data, offset, length), classLoader)) {
            return in.readObject();
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> T fromBytes(byte[] data, ClassLoader classLoader) throws IOException, ClassNotFoundException {
        return (T) fromBytes(data, 0, data.length, classLoader);
    }
}
