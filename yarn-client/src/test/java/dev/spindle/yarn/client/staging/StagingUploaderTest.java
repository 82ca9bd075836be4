package dev.spindle.yarn.client.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uploader against the local file system standing in for HDFS. */
class StagingUploaderTest {

    @TempDir
    Path tmp;

    private FileSystem fs;
    private Path fwA;
    private Path fwB;
    private Path userJar;

    @BeforeEach
    void setUp() throws Exception {
        fs = FileSystem.getLocal(new Configuration()).getRawFileSystem();
        fwA = write("local/lib/spindle-runtime.jar", "runtime classes");
        fwB = write("local/lib/hadoop-common.jar", "hadoop classes");
        userJar = write("local/job.jar", "user classes");
    }

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private StagingUploader uploader(String app, FrameworkJarCache cache) {
        return new StagingUploader(fs, new org.apache.hadoop.fs.Path(tmp.resolve("remote/.spindle/" + app).toUri()), -1, cache);
    }

    @Test
    void uploadsEverythingIntoAnOwnerOnlyStagingDir() throws Exception {
        Path ship = write("local/lookup.csv", "a,b");
        StagingResult r = uploader("application_1_0001", null).upload(new StagingPlan(List.of(fwA, fwB), List.of(),
                userJar.toUri(), Map.of("spindle-conf.yaml", "a: b\n"), List.of(), List.of(ship), List.of()));

        org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(tmp.resolve("remote/.spindle/application_1_0001").toUri());
        assertEquals(new FsPermission((short) 0700), fs.getFileStatus(staging).getPermission());
        assertEquals(List.of("conf/spindle-conf.yaml", "lib/hadoop-common.jar", "lib/spindle-runtime.jar", "lookup.csv",
                "usrlib/job.jar"), r.uploaded());
        assertEquals("usrlib/job.jar", r.userJarLink());
        for (LocalResource res : r.resources().values()) {
            assertEquals(LocalResourceVisibility.APPLICATION, res.getVisibility());
            assertEquals(LocalResourceType.FILE, res.getType());
            assertTrue(res.getResource().getFile().startsWith(staging.toUri().getPath()), res.toString());
        }
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(staging, "usrlib/job.jar")));
    }

    @Test
    void providedLibDirsReplaceUploadsOfTheSameNameAndArePublic() throws Exception {
        Path provided = tmp.resolve("remote/shared/lib");
        Files.createDirectories(provided);
        Files.writeString(provided.resolve("hadoop-common.jar"), "the cluster's copy");
        Files.createDirectories(provided.resolve("sub"));
        Files.writeString(provided.resolve("sub/extra.jar"), "extra");

        StagingResult r = uploader("application_1_0002", null).upload(new StagingPlan(List.of(fwA, fwB),
                List.of(provided.toUri()), userJar.toUri(), Map.of(), List.of(), List.of(), List.of()));

        assertEquals(List.of("lib/spindle-runtime.jar", "usrlib/job.jar"), r.uploaded());
        LocalResource hadoop = r.resources().get("lib/hadoop-common.jar");
        assertEquals(LocalResourceVisibility.PUBLIC, hadoop.getVisibility());
        assertTrue(hadoop.getResource().getFile().endsWith("/shared/lib/hadoop-common.jar"), hadoop.toString());
        assertEquals(LocalResourceVisibility.PUBLIC, r.resources().get("lib/sub/extra.jar").getVisibility());
        assertTrue(r.frameworkJarLinks().containsAll(List.of("lib/hadoop-common.jar", "lib/sub/extra.jar", "lib/spindle-runtime.jar")));
    }

    @Test
    void missingProvidedLibDirIsNamed() {
        URI missing = tmp.resolve("remote/nowhere").toUri();
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> uploader("application_1_0003", null)
                .upload(new StagingPlan(List.of(fwA), List.of(missing), null, Map.of(), List.of(), List.of(), List.of())));
        assertTrue(e.getMessage().contains("yarn.provided.lib.dirs") && e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void cachedFrameworkJarsAreUploadedOnceAndSharedPrivately() throws Exception {
        FrameworkJarCache cache = new FrameworkJarCache(fs, new org.apache.hadoop.fs.Path(tmp.resolve("remote/.spindle/cache").toUri()));
        StagingPlan plan = new StagingPlan(List.of(fwA, fwB), List.of(), userJar.toUri(), Map.of(), List.of(), List.of(), List.of());

        StagingResult first = uploader("application_1_0004", cache).upload(plan);
        StagingResult second = uploader("application_1_0005", cache).upload(plan);

        assertEquals(List.of("lib/hadoop-common.jar", "lib/spindle-runtime.jar", "usrlib/job.jar"), first.uploaded());
        assertEquals(List.of("usrlib/job.jar"), second.uploaded(), "a repeated submission uploads only the user jar");
        assertEquals(first.resources().get("lib/spindle-runtime.jar").getResource(),
                second.resources().get("lib/spindle-runtime.jar").getResource());
        assertEquals(LocalResourceVisibility.PRIVATE, second.resources().get("lib/spindle-runtime.jar").getVisibility());

        // Changed content gets a new address; the old file is never overwritten.
        Files.writeString(fwA, "runtime classes, version 2");
        StagingResult third = uploader("application_1_0006", cache).upload(plan);
        assertEquals(List.of("lib/spindle-runtime.jar", "usrlib/job.jar"), third.uploaded());
        assertFalse(third.resources().get("lib/spindle-runtime.jar").getResource()
                .equals(first.resources().get("lib/spindle-runtime.jar").getResource()));
    }

    @Test
    void rootFilesLandAtTheStagingRootAsApplicationResources() throws Exception {
        byte[] graph = {0, 1, 2, (byte) 0xff};
        StagingResult r = uploader("application_1_0007", null).upload(new StagingPlan(List.of(fwA), List.of(), null, Map.of(),
                List.of(), List.of(), List.of(), Map.of("job.graph", graph)));
        Path staged = tmp.resolve("remote/.spindle/application_1_0007/job.graph");
        assertTrue(java.util.Arrays.equals(graph, Files.readAllBytes(staged)), "bytes kept as they are");
        LocalResource resource = r.resources().get("job.graph");
        assertEquals(LocalResourceVisibility.APPLICATION, resource.getVisibility());
        assertEquals(4, resource.getSize());
        assertTrue(r.uploaded().contains("job.graph"));
    }

    @Test
    void clusterSecretFileIsOwnerOnlyAndGoneWithTheStagingDir() throws Exception {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(tmp.resolve("remote/.spindle/application_1_0008").toUri());
        fs.mkdirs(dir);
        dev.spindle.runtime.security.ClusterSecret secret = dev.spindle.runtime.security.ClusterSecret.generate();
        ClusterSecretFile.write(fs, dir, secret);
        assertEquals(new FsPermission((short) 0600),
                fs.getFileStatus(new org.apache.hadoop.fs.Path(dir, ClusterSecretFile.FILE_NAME)).getPermission());
        assertTrue(ClusterSecretFile.read(fs, dir).matches(secret.toBase64()));
        fs.delete(dir, true);
        assertEquals(null, ClusterSecretFile.read(fs, dir), "no staging dir: no secret, no error");
    }

    @Test
    void clusterSecretFileCarriesTheCertificateNotTheKey() throws Exception {
        org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(tmp.resolve("remote/.spindle/application_1_0009").toUri());
        fs.mkdirs(dir);
        dev.spindle.runtime.security.ClusterSecret secret = dev.spindle.runtime.security.ClusterSecret.generate();
        ClusterSecretFile.write(fs, dir, secret);
        dev.spindle.runtime.security.ClusterSecret read = ClusterSecretFile.read(fs, dir);
        assertEquals(secret.tlsIdentity().certificate(), read.tlsIdentity().certificate());
        assertTrue(!read.tlsIdentity().hasPrivateKey(), "clients get no private key");
        // a file of a version without TLS (the bare secret) is refused, naming the file
        try (var out = fs.create(ClusterSecretFile.in(dir), true)) {
            out.write(secret.toBase64().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> ClusterSecretFile.read(fs, dir));
        assertTrue(e.getMessage().contains("holds no certificate"), e.getMessage());
    }
}
