package dev.spindle.runtime.operators.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * Reads the lines of one {@link FileSplit}: the lines whose first byte lies in {@code [start, end)}.
 * A reader not at the file start skips the partial line it lands in (the previous split reads it),
 * and the last line may run past {@code end}. So every line is read by exactly one split.
 */
final class LineSplitReader implements AutoCloseable {

    private final InputStream in;
    private final long end;
    private final byte[] buffer = new byte[64 * 1024];
    private int bufferPos;
    private int bufferLimit;
    private long position;
    private byte[] lineBytes = new byte[256];
    private boolean eof;

    LineSplitReader(FSDataInputStream in, long start, long end) throws IOException {
        this.in = in;
        this.end = end;
        if (start > 0) {
            in.seek(start - 1);
            position = start - 1;
            skipToLineStart();
        } else {
            position = 0;
        }
    }

    /** Consumes bytes up to and including the next newline. */
    private void skipToLineStart() throws IOException {
        while (true) {
            if (bufferPos == bufferLimit && !fill()) {
                return;
            }
            byte b = buffer[bufferPos++];
            position++;
            if (b == '\n') {
                return;
            }
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        bufferPos = 0;
        bufferLimit = n;
        return true;
    }

    /** Offset of the first byte not read yet: after a whole line, the start of the next one. */
    long position() {
        return position;
    }

    /** The next line of the split without its line terminator, or null at the split's end. */
    String readLine() throws IOException {
        if (position >= end) {
            return null;
        }
        if (bufferPos == bufferLimit && !fill()) {
            return null;
        }
        // Fast path: the whole line lies in the buffer.
        for (int i = bufferPos; i < bufferLimit; i++) {
            if (buffer[i] == '\n') {
                String line = decode(buffer, bufferPos, i - bufferPos);
                position += i + 1 - bufferPos;
                bufferPos = i + 1;
                return line;
            }
        }
        int length = 0;
        while (true) {
            if (bufferPos == bufferLimit && !fill()) {
                return decode(lineBytes, 0, length);
            }
            byte b = buffer[bufferPos++];
            position++;
            if (b == '\n') {
                return decode(lineBytes, 0, length);
            }
            if (length == lineBytes.length) {
                lineBytes = Arrays.copyOf(lineBytes, length * 2);
            }
            lineBytes[length++] = b;
        }
    }

    private static String decode(byte[] bytes, int offset, int length) {
        if (length > 0 && bytes[offset + length - 1] == '\r') {
            length--;
        }
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
