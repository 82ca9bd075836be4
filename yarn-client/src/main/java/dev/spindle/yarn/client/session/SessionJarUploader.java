package dev.spindle.yarn.client.session;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.runtime.jars.UserJarName;
import dev.spindle.runtime.jars.UserJarStore;

/**
 * Puts a run's local program jar where the session's TaskExecutors load it from, under its
 * content name ({@link UserJarName}), so a resubmitted jar is not sent again and every jar goes
 * away with the session. The jar is hashed once, however many stores are tried: the session's
 * REST routes on the warm path, its staging dir on HDFS when the client had to ask YARN.
 */
final class SessionJarUploader {

    private static final Logger LOG = LoggerFactory.getLogger(SessionJarUploader.class);

    private final Path local;
    private final UserJarName name;

    SessionJarUploader(Path local) throws IOException {
        if (!Files.isRegularFile(local)) {
            throw new IllegalArgumentException("The program jar " + local + " does not exist or is not a file.");
        }
        this.local = local;
        this.name = UserJarName.of(local);
    }

    /** What happened to the jar: where it is now and whether it was sent this time. */
    record Staged(URI uri, boolean uploaded) {
        /** The progress line a user sees. */
        String describe() {
            return "User jar " + (uploaded ? "uploaded to " : "already in the session at ") + uri;
        }
    }

    Staged stage(UserJarStore store) throws IOException {
        Optional<URI> there = store.find(name);
        if (there.isPresent()) {
            LOG.info("User jar {} already in the session as {}", local, there.get());
            return new Staged(there.get(), false);
        }
        try (InputStream in = Files.newInputStream(local)) {
            URI uri = store.store(name, in);
            LOG.info("Sent user jar {} as {} to {}", local, name, uri);
            return new Staged(uri, true);
        }
    }
}
