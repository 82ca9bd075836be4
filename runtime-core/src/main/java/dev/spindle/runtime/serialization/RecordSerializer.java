package dev.spindle.runtime.serialization;

import dev.spindle.api.tuple.Tuple2;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Serializes records of any type with one tag byte per value: compact built-in encodings for
 * String, Long, Integer, Double, Boolean, byte[], Tuple2 (recursively) and null, and Java
 * serialization as the fallback for everything else. Records need no type information, so a
 * stream of mixed types works. Not thread-safe: one instance per reading or writing thread.
 */
public final class RecordSerializer {

    static final byte NULL = 0;
    static final byte STRING_ASCII = 1;
    static final byte STRING_UTF8 = 2;
    static final byte LONG = 3;
    static final byte INTEGER = 4;
    static final byte DOUBLE = 5;
    static final byte TRUE = 6;
    static final byte FALSE = 7;
    static final byte BYTES = 8;
    static final byte TUPLE2 = 9;
    static final byte JAVA = 10;

    private final ClassLoader classLoader;
    private byte[] scratch = new byte[256];

    public RecordSerializer(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    public void serialize(Object value, DataOutputBuffer out) {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Integer i) {
            out.writeByte(INTEGER);
            out.writeInt(i);
        } else if (value instanceof Tuple2<?, ?> t) {
            out.writeByte(TUPLE2);
            serialize(t.f0, out);
            serialize(t.f1, out);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (value instanceof byte[] bytes) {
            out.writeByte(BYTES);
            out.writeVarInt(bytes.length);
            out.write(bytes, 0, bytes.length);
        } else {
            byte[] bytes = JavaSerialization.toBytes(value);
            out.writeByte(JAVA);
            out.writeVarInt(bytes.length);
            out.write(bytes, 0, bytes.length);
        }
    }

    private static void writeString(String s, DataOutputBuffer out) {
        int len = s.length();
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            out.writeByte(STRING_ASCII);
            out.writeVarInt(len);
            out.writeAsciiChars(s, len);
        } else {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            out.writeByte(STRING_UTF8);
            out.writeVarInt(utf8.length);
            out.write(utf8, 0, utf8.length);
        }
    }

    /** Reads one value from the buffer's position, advancing it past the value. */
    public Object deserialize(ByteBuffer in) throws IOException {
        byte tag = in.get();
        switch (tag) {
            case NULL:
                return null;
            case STRING_ASCII: {
                int len = readVarInt(in);
                return readString(in, len, StandardCharsets.ISO_8859_1);
            }
            case STRING_UTF8: {
                int len = readVarInt(in);
                return readString(in, len, StandardCharsets.UTF_8);
            }
            case LONG:
                return in.getLong();
            case INTEGER:
                return in.getInt();
            case DOUBLE:
                return Double.longBitsToDouble(in.getLong());
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case TUPLE2: {
                Object f0 = deserialize(in);
                Object f1 = deserialize(in);
                return new Tuple2<>(f0, f1);
            }
            case BYTES: {
                byte[] bytes = new byte[readVarInt(in)];
                in.get(bytes);
                return bytes;
            }
            case JAVA: {
                int len = readVarInt(in);
                byte[] bytes = new byte[len];
                in.get(bytes);
                try {
                    return JavaSerialization.fromBytes(bytes, 0, len, classLoader);
                } catch (ClassNotFoundException e) {
                    throw new IOException("Cannot deserialize a record: class " + e.getMessage()
                            + " is not on the user classpath (is it in the job jar?)", e);
                }
            }
            default:
                throw new IOException("Corrupt record stream: unknown type tag " + tag + " at position " + (in.position() - 1));
        }
    }

    private String readString(ByteBuffer in, int len, java.nio.charset.Charset charset) {
        if (in.hasArray()) {
            int pos = in.position();
            String s = new String(in.array(), in.arrayOffset() + pos, len, charset);
            in.position(pos + len);
            return s;
        }
        if (scratch.length < len) {
            scratch = new byte[Math.max(len, scratch.length * 2)];
        }
        in.get(scratch, 0, len);
        return new String(scratch, 0, len, charset);
    }

    private static int readVarInt(ByteBuffer in) throws IOException {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = in.get();
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IOException("Corrupt record stream: varint longer than 5 bytes");
    }
}
