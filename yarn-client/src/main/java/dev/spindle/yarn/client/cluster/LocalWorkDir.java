package dev.spindle.yarn.client.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.hadoop.fs.FileUtil;

import dev.spindle.yarn.client.api.SpindleClientException;

/** A temporary local dir for one deployment (generated files, fetched jars), removed however the deployment ends. */
public final class LocalWorkDir implements AutoCloseable {

    private final Path dir;

    private LocalWorkDir(Path dir) {
        this.dir = dir;
    }

    /** A new dir named {@code prefix...} in the system temp dir. */
    public static LocalWorkDir create(String prefix) throws SpindleClientException {
        try {
            return new LocalWorkDir(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new SpindleClientException("Cannot create a local work dir for the deployment: " + e.getMessage(), e);
        }
    }

    public Path path() {
        return dir;
    }

    @Override
    public void close() {
        FileUtil.fullyDelete(dir.toFile());
    }
}
