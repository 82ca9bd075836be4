package dev.spindle.runtime.taskexecutor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a TaskExecutor puts the user jars it downloads: a fresh directory with a random name,
 * created 0700 in one step, so another local user can neither pre-create it (a fixed name in a
 * shared temp dir could be) nor read or swap the jars in it. Its parent is {@code io.tmp.dirs} when
 * set, else the container's own dir that the launcher passes in (YARN cleans it even after a
 * SIGKILL), else the temp dir. Deleted with everything in it on {@link #close()}.
 */
final class DownloadDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DownloadDirectory.class);

    private final Path dir;

    private DownloadDirectory(Path dir) {
        this.dir = dir;
    }

    /** {@code parent} is the first of io.tmp.dirs, the container dir and java.io.tmpdir that is given. */
    static DownloadDirectory createIn(Path parent) throws IOException {
        Files.createDirectories(parent);
        return new DownloadDirectory(Files.createTempDirectory(parent, "spindle-te-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    }

    Path path() {
        return dir;
    }

    @Override
    public void close() {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (java.nio.file.NoSuchFileException gone) {
            // already deleted
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the download dir {}: {}", dir, e.toString());
        }
    }
}
