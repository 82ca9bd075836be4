package dev.spindle.runtime.jars;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemUserJarStoreTest {

    @TempDir
    Path tmp;

    private FileSystemUserJarStore store() throws Exception {
        return new FileSystemUserJarStore(new org.apache.hadoop.fs.Path(tmp.resolve("usrlib").toUri()), new Configuration());
    }

    private Path jar(String name, String content) throws Exception {
        return Files.writeString(tmp.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void aStoredJarIsFoundUnderItsNameOwnerOnlyWithItsExactBytes() throws Exception {
        Path local = jar("job.jar", "the job's classes");
        UserJarName name = UserJarName.of(local);
        FileSystemUserJarStore store = store();
        assertTrue(store.find(name).isEmpty());

        URI uri = store.store(name, Files.newInputStream(local));
        assertEquals(uri, store.find(name).orElseThrow());
        Path kept = Path.of(uri);
        assertEquals(tmp.resolve("usrlib").resolve(name.value()), kept);
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(kept));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        assertEquals(List.of(name.value()), names(tmp.resolve("usrlib")), "no temporary file left");

        assertEquals(uri, store.store(name, Files.newInputStream(local)), "a second upload of the same jar keeps one copy");
        assertEquals(List.of(name.value()), names(tmp.resolve("usrlib")));
    }

    @Test
    void contentThatDoesNotMatchItsNameIsRefusedAndNothingIsKept() throws Exception {
        UserJarName name = UserJarName.of(jar("job.jar", "what the client hashed"));
        FileSystemUserJarStore store = store();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.store(name, new ByteArrayInputStream("something else".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("hash to") && e.getMessage().contains(name.contentHash()), e.getMessage());
        assertTrue(store.find(name).isEmpty());
        assertEquals(List.of(), names(tmp.resolve("usrlib")), "neither the jar nor its temporary copy");
    }

    @Test
    void aNameIsItsContentHashAndAFileNameWithoutAPath() throws Exception {
        UserJarName name = UserJarName.of(jar("my job.jar", "x"));
        assertTrue(name.value().matches("[0-9a-f]{16}-my job\\.jar"), name.value());
        assertEquals(name.value().substring(0, 16), name.contentHash());
        for (String bad : List.of("job.jar", "0123456789abcdef-", "0123456789abcdef-a/../x.jar",
                "0123456789ABCDEF-job.jar", "0123456789abcdef-a\\b.jar", "0123456789abcdef-a\nb.jar")) {
            assertThrows(IllegalArgumentException.class, () -> new UserJarName(bad), bad);
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            // Hadoop's local file system keeps a .crc beside each file; HDFS does not
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList();
        }
    }
}
