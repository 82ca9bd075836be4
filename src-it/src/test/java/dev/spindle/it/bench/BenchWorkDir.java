package dev.spindle.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A benchmark's scratch dir in the temp dir, removed when the benchmark ends, however it ends. */
final class BenchWorkDir implements AutoCloseable {

    private final Path path;

    private BenchWorkDir(Path path) {
        this.path = path;
    }

    static BenchWorkDir create(String prefix) throws IOException {
        return new BenchWorkDir(Files.createTempDirectory(prefix));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        // symbolic links are deleted, never followed: a container dir's lib/ links to the build's jars
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
