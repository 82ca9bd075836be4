package dev.spindle.runtime.serialization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;

/** Reads Java-serialized input through a {@link BoundedObjectFilter}; every reader of outside input goes through here. */
public final class RestrictedDeserialization {

    private RestrictedDeserialization() {
    }

    /**
     * @param what names the input in the message of a refusal, e.g. "job graph"
     * @throws RefusedObjectException when the filter refused something; its message names it
     */
    public static Object read(byte[] data, int offset, int length, ClassLoader classLoader, String what)
            throws IOException, ClassNotFoundException {
        BoundedObjectFilter filter = new BoundedObjectFilter(length);
        try (ClassLoaderObjectInputStream in = new ClassLoaderObjectInputStream(new ByteArrayInputStream(data, offset, length), classLoader)) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (InvalidClassException e) {
            if (filter.refusal() != null) {
                throw new RefusedObjectException("Refused to deserialize the " + what + ": it contains " + filter.refusal(), e);
            }
            throw e;
        }
    }

    public static Object read(byte[] data, ClassLoader classLoader, String what) throws IOException, ClassNotFoundException {
        return read(data, 0, data.length, classLoader, what);
    }

    /** Input the filter refused: a disallowed class or something beyond the size limits. */
    public static final class RefusedObjectException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedObjectException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
