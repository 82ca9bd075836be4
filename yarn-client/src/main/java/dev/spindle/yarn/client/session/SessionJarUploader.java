package dev.spindle.yarn.client.session;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.Optional;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.runtime.jars.FileSystemUserJarStore;
import dev.spindle.runtime.jars.UserJarName;
import dev.spindle.runtime.jars.UserJarStore;
import dev.spindle.yarn.common.ContainerLayout;

/**
 * Puts a job's user jar where the session's TaskExecutors load it from: the session's staging dir
 * ({@code usrlib/<content hash>-<name>}, see {@link UserJarName}), so a resubmitted jar is not uploaded
 * again and every jar goes away with the session. Remote jars ({@code hdfs://...}) are referenced in
 * place. This is the way through HDFS; a warm client sends the jar to the session over REST instead.
 */
public final class SessionJarUploader {

    private static final Logger LOG = LoggerFactory.getLogger(SessionJarUploader.class);

    private final UserJarStore store;

    public SessionJarUploader(FileSystem fs, Path stagingDir) {
        this.store = new FileSystemUserJarStore(fs, new Path(stagingDir, ContainerLayout.USRLIB_DIR));
    }

    /** What happened to the jar: where it is now and whether it was uploaded this time. */
    public record Staged(URI uri, boolean uploaded, long bytes) {
    }

    public Staged stage(URI jar) throws IOException {
        if (jar.getScheme() != null && !jar.getScheme().equals("file")) {
            return new Staged(jar, false, 0);
        }
        java.nio.file.Path local = java.nio.file.Path.of(jar);
        if (!Files.isRegularFile(local)) {
            throw new IllegalArgumentException("The program jar " + local + " does not exist or is not a file.");
        }
        UserJarName name = UserJarName.of(local);
        long size = Files.size(local);
        Optional<URI> there = store.find(name);
        if (there.isPresent()) {
            LOG.info("User jar {} already in the session as {}", local, there.get());
            return new Staged(there.get(), false, size);
        }
        try (InputStream in = Files.newInputStream(local)) {
            URI uri = store.store(name, in);
            LOG.info("Uploaded user jar {} ({} bytes) to {}", local, size, uri);
            return new Staged(uri, true, size);
        }
    }
}
