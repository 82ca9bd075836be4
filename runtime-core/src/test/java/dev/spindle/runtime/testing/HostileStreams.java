package dev.spindle.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;

/** Small Java serialization streams that an unfiltered reader would regret reading. */
public final class HostileStreams {

    private HostileStreams() {
    }

    /** A stream of a few dozen bytes whose one array claims about 2^31 elements: an unfiltered read allocates gigabytes. */
    public static byte[] hugeArrayClaim() throws IOException {
        byte[] stream = serialize(new long[4]);
        // the stream ends with the array's length (int) and its 4 longs; claim the largest array a JVM may allocate
        ByteBuffer.wrap(stream).putInt(stream.length - 4 * Long.BYTES - Integer.BYTES, Integer.MAX_VALUE - 8);
        return stream;
    }

    /** A serialized object of a class no job graph or accumulator contains. */
    public static byte[] foreignObject() throws IOException {
        return serialize(new java.io.File("/etc/passwd"));
    }

    public static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }
}
