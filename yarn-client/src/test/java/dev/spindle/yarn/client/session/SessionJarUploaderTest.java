package dev.spindle.yarn.client.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.entrypoint.ClusterServices;
import dev.spindle.runtime.entrypoint.ClusterServicesFactory;
import dev.spindle.runtime.jars.FileSystemUserJarStore;
import dev.spindle.runtime.minicluster.InProcessResourceManagerDriver;
import dev.spindle.runtime.recovery.JobRecoveryStore;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.yarn.client.rest.RestClusterClient;
import dev.spindle.yarn.client.rest.RestUserJarStore;

/** Both ways a run's jar reaches a session: chunked over the session's real REST endpoint, and into a store directly. */
@Timeout(60)
class SessionJarUploaderTest {

    @TempDir
    Path tmp;

    private ClusterServices session;

    @AfterEach
    void stop() throws Exception {
        if (session != null) {
            session.close();
        }
    }

    private FileSystemUserJarStore store(String dir) throws IOException {
        return new FileSystemUserJarStore(new org.apache.hadoop.fs.Path(tmp.resolve(dir).toUri()),
                new org.apache.hadoop.conf.Configuration());
    }

    private List<Path> kept(String dir) throws IOException {
        try (Stream<Path> files = Files.list(tmp.resolve(dir))) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".crc")).toList(); // the local file system's checksums
        }
    }

    @Test
    void aJarLargerThanOneChunkGoesOverRestOnceAndArrivesWhole() throws Exception {
        byte[] content = new byte[3 * (1 << 16) + 123]; // several chunks of the chunked PUT, the last one partial
        new Random(7).nextBytes(content);
        Path jar = Files.write(tmp.resolve("job.jar"), content);
        ClusterSecret secret = ClusterSecret.generate();
        Configuration conf = new Configuration();
        session = ClusterServicesFactory.start(conf, new InProcessResourceManagerDriver(conf, secret, "127.0.0.1"), secret,
                "127.0.0.1", JobRecoveryStore.none(), null, store("usrlib"), null);
        RestUserJarStore overRest = new RestUserJarStore(new RestClusterClient(session.getRestUrl(), secret));
        SessionJarUploader uploader = new SessionJarUploader(jar);

        SessionJarUploader.Staged first = uploader.stage(overRest);
        assertTrue(first.uploaded());
        assertTrue(first.describe().startsWith("User jar uploaded to "), first.describe());
        assertEquals(1, kept("usrlib").size(), "only the jar is kept, no temporary file: " + kept("usrlib"));
        Path there = kept("usrlib").get(0);
        assertEquals(there.toUri().getPath(), first.uri().getPath());
        assertTrue(there.getFileName().toString().endsWith("-job.jar"), there.toString());
        assertArrayEquals(content, Files.readAllBytes(there));

        SessionJarUploader.Staged again = new SessionJarUploader(jar).stage(overRest);
        assertFalse(again.uploaded());
        assertEquals(first.uri(), again.uri());
        assertTrue(again.describe().startsWith("User jar already in the session at "), again.describe());
    }

    @Test
    void aJarChangedAfterItWasNamedIsRefusedAndNothingIsKept() throws Exception {
        Path jar = Files.writeString(tmp.resolve("job.jar"), "version 1", StandardCharsets.UTF_8);
        SessionJarUploader uploader = new SessionJarUploader(jar);
        Files.writeString(jar, "version 2", StandardCharsets.UTF_8);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> uploader.stage(store("usrlib")));
        assertTrue(e.getMessage().contains("damaged on its way or its name is wrong"), e.getMessage());
        assertEquals(List.of(), kept("usrlib"));
    }

    @Test
    void aMissingJarIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SessionJarUploader(tmp.resolve("nope.jar")));
        assertTrue(e.getMessage().contains("nope.jar") && e.getMessage().contains("does not exist"), e.getMessage());
    }
}
