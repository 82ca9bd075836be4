package dev.spindle.runtime.serialization;

import java.util.Arrays;

/** A growable byte array that records are serialized into before being framed into network buffers; reused per record. */
public final class DataOutputBuffer {

    private byte[] bytes;
    private int position;

    public DataOutputBuffer(int initialSize) {
        bytes = new byte[Math.max(16, initialSize)];
    }

    public void clear() {
        position = 0;
    }

    public int length() {
        return position;
    }

    public byte[] array() {
        return bytes;
    }

    private void ensure(int extra) {
        if (position + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, position + extra));
        }
    }

    public void writeByte(int b) {
        ensure(1);
        bytes[position++] = (byte) b;
    }

    public void writeInt(int v) {
        ensure(4);
        bytes[position] = (byte) (v >>> 24);
        bytes[position + 1] = (byte) (v >>> 16);
        bytes[position + 2] = (byte) (v >>> 8);
        bytes[position + 3] = (byte) v;
        position += 4;
    }

    public void writeLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[position++] = (byte) (v >>> shift);
        }
    }

    /** Unsigned LEB128 varint of a non-negative int. */
    public void writeVarInt(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            bytes[position++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[position++] = (byte) v;
    }

    public void write(byte[] src, int off, int len) {
        ensure(len);
        System.arraycopy(src, off, bytes, position, len);
        position += len;
    }

    /** Writes the string's chars as single bytes; the caller checked they are all ASCII. */
    void writeAsciiChars(String s, int len) {
        ensure(len);
        s.getBytes(0, len, bytes, position);
        position += len;
    }
}
