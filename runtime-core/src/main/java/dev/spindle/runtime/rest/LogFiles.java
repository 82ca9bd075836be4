package dev.spindle.runtime.rest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * This process's log files, read-only: the directory of the file log4j writes ({@code -Dlog.file};
 * in a YARN container, the container's log dir with its {@code .log}, {@code .out} and
 * {@code .err}), listed by name and read as bounded tails, so a browser never pulls a whole
 * multi-gigabyte log through the proxy and no path outside that directory can be named.
 */
final class LogFiles {

    /** One file of the log directory. */
    record Entry(String name, long sizeBytes, long lastModified) {
    }

    /** The last bytes of a file: {@code offset} is where they start, {@code sizeBytes} the whole file's size. */
    record Tail(String name, long sizeBytes, long offset, byte[] bytes) {
    }

    private final Path mainLog;
    private final int tailBytes;

    /** @param mainLog the file log4j writes, or null when this process writes none */
    LogFiles(Path mainLog, int tailBytes) {
        this.mainLog = mainLog;
        this.tailBytes = tailBytes;
    }

    /** The files of the JVM's {@code log.file} system property. */
    static LogFiles ofThisProcess(int tailBytes) {
        String file = System.getProperty("log.file");
        return new LogFiles(file == null || file.isBlank() ? null : Path.of(file).toAbsolutePath(), tailBytes);
    }

    /** The main log's name (e.g. jobmanager.log). */
    String mainLogName() throws RestError {
        return requireMainLog().getFileName().toString();
    }

    /** The regular files beside the main log, by name. */
    List<Entry> list() throws IOException, RestError {
        Path dir = requireMainLog().getParent();
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(new Entry(f.getFileName().toString(), Files.size(f), Files.getLastModifiedTime(f).toMillis()));
                }
            }
        }
        entries.sort((a, b) -> a.name().compareTo(b.name()));
        return entries;
    }

    /** The last {@code tailBytes} of the named file of the log directory. */
    Tail tail(String name) throws IOException, RestError {
        Path dir = requireMainLog().getParent();
        // a plain name of that directory only: no separators, no "..", no links out of it
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || name.contains("..")) {
            throw new RestError(404, "no such log file: " + name);
        }
        Path file = dir.resolve(name);
        if (!file.getParent().equals(dir) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new RestError(404, "no such log file: " + name + " (files: " + list().stream().map(Entry::name).toList() + ")");
        }
        try (FileChannel ch = FileChannel.open(file)) {
            long size = ch.size();
            long start = Math.max(0, size - tailBytes);
            ByteBuffer buf = ByteBuffer.allocate((int) (size - start));
            while (buf.hasRemaining() && ch.read(buf, start + buf.position()) > 0) {
                // read until the tail is complete or the file shrank meanwhile
            }
            byte[] bytes = new byte[buf.position()];
            buf.flip().get(bytes);
            if (start > 0) {
                bytes = fromNextLine(bytes);
            }
            return new Tail(name, size, size - bytes.length, bytes);
        }
    }

    /** A tail cut inside a line starts at the next whole one. */
    private static byte[] fromNextLine(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return java.util.Arrays.copyOfRange(bytes, i + 1, bytes.length);
            }
        }
        return bytes;
    }

    private Path requireMainLog() throws RestError {
        if (mainLog == null || !Files.isRegularFile(mainLog)) {
            throw new RestError(404, "this process writes no log file (log.file is " + (mainLog == null ? "unset" : "'" + mainLog + "', not a file") + ")");
        }
        return mainLog;
    }
}
