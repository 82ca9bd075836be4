package dev.spindle.yarn.client.localcluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

import dev.spindle.yarn.client.files.OwnerOnlyFile;

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
        return read(home, System.getProperty("user.name"));
    }

    /**
     * The state in {@code home}; throws {@link UncheckedIOException} when the file is not owned by
     * {@code user} or writable by others (its pid would be signalled by {@code stop}).
     */
    public static Optional<LocalClusterState> read(Path home, String user) {
        OwnerOnlyFile file = new OwnerOnlyFile(stateFile(home), user);
        if (!file.exists()) {
            return Optional.empty();
        }
        try {
            file.checkTrusted();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file.path(), LinkOption.NOFOLLOW_LINKS)) {
            p.load(in);
            return Optional.of(new LocalClusterState(Long.parseLong(p.getProperty("pid")), Path.of(p.getProperty("confDir")),
                    Path.of(p.getProperty("baseDir")), p.getProperty("fsUri"), p.getProperty("rmAddress"),
                    p.getProperty("rmWebUrl")));
        } catch (IOException | RuntimeException e) {
            // A half-written file of this user's is treated as "no cluster"; start overwrites it.
            return Optional.empty();
        }
    }

    public boolean isAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Writes atomically and owner-only (0600 from creation on) so that a reader never sees half a file. */
    public void write(Path home) throws IOException {
        createOwnerOnlyHome(home);
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("confDir", confDir.toString());
        p.setProperty("baseDir", baseDir.toString());
        p.setProperty("fsUri", fsUri);
        p.setProperty("rmAddress", rmAddress);
        p.setProperty("rmWebUrl", rmWebUrl);
        OwnerOnlyFile.ofCaller(stateFile(home)).write(out -> p.store(out, "Spindle embedded YARN + HDFS cluster"));
    }

    /** The home is in the shared temp dir: created 0700 so no one else can swap files in it. */
    public static void createOwnerOnlyHome(Path home) throws IOException {
        if (!Files.isDirectory(home)) {
            Files.createDirectories(home.toAbsolutePath().getParent());
            try {
                Files.createDirectory(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // created meanwhile; the state file inside is still checked before it is read
            }
        }
    }

    public static void delete(Path home) throws IOException {
        Files.deleteIfExists(stateFile(home));
    }
}
