package dev.spindle.yarn.client.localcluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running embedded cluster ({@code spindle local-cluster start}) tells its clients: the
 * process id, the Hadoop conf dir it wrote, and its addresses. Stored as a properties file in a
 * per-user directory so that the CLI can find the cluster without HADOOP_CONF_DIR.
 */
public record LocalClusterState(long pid, Path confDir, Path baseDir, String fsUri, String rmAddress, String rmWebUrl) {

    private static final String FILE_NAME = "cluster.properties";

    /** {@code ${java.io.tmpdir}/spindle-local-cluster-<user>/}: one embedded cluster per user and machine. */
    public static Path defaultHome() {
        return Path.of(System.getProperty("java.io.tmpdir"), "spindle-local-cluster-" + System.getProperty("user.name"));
    }

    public static Path stateFile(Path home) {
        return home.resolve(FILE_NAME);
    }

    /** The state of a cluster whose process is still alive; empty when none runs (a stale file is ignored). */
    public static Optional<LocalClusterState> readLive(Path home) {
        return read(home).filter(LocalClusterState::isAlive);
    }

    public static Optional<LocalClusterState> read(Path home) {
        Path file = stateFile(home);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return Optional.of(new LocalClusterState(Long.parseLong(p.getProperty("pid")), Path.of(p.getProperty("confDir")),
                    Path.of(p.getProperty("baseDir")), p.getProperty("fsUri"), p.getProperty("rmAddress"),
                    p.getProperty("rmWebUrl")));
        } catch (IOException | RuntimeException e) {
            // A half-written or foreign file is treated as "no cluster"; start overwrites it.
            return Optional.empty();
        }
    }

    public boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Writes atomically so that a reader never sees half a file. */
    public void write(Path home) throws IOException {
        Files.createDirectories(home);
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("confDir", confDir.toString());
        p.setProperty("baseDir", baseDir.toString());
        p.setProperty("fsUri", fsUri);
        p.setProperty("rmAddress", rmAddress);
        p.setProperty("rmWebUrl", rmWebUrl);
        Path tmp = home.resolve(FILE_NAME + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "Spindle embedded YARN + HDFS cluster");
        }
        Files.move(tmp, stateFile(home), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void delete(Path home) throws IOException {
        Files.deleteIfExists(stateFile(home));
    }
}
