package dev.spindle.yarn.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.io.Text;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MemorySize;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.configuration.YarnConfigOptions.UserJarInclusion;
import dev.spindle.runtime.security.ClusterSecret;

class ContainerLaunchPiecesTest {

    @TempDir
    Path tmp;

    @Test
    void commandLogsIntoTheContainerLogDirWithTheShippedLogConfig() {
        String cmd = ContainerCommand.build(List.of("-Xmx512m", "-Xms512m"), "taskmanager", "a.b.Main", List.of("host", "6123"));
        assertEquals("{{JAVA_HOME}}/bin/java -Xmx512m -Xms512m -Dlog.file=<LOG_DIR>/taskmanager.log"
                + " -Dlog4j.configurationFile=conf/log4j2.properties a.b.Main host 6123"
                + " 1><LOG_DIR>/taskmanager.out 2><LOG_DIR>/taskmanager.err", cmd);
    }

    @Test
    void classpathPlacesTheUserJarAsConfigured() {
        List<String> fw = List.of("lib/zeta.jar", "lib/alpha.jar");
        List<String> cluster = List.of("$HADOOP_CONF_DIR");
        String p = "{{PWD}}/";
        String cps = "<CPS>";
        assertEquals(String.join(cps, p + "conf", p + "lib/alpha.jar", p + "usrlib/job.jar", p + "lib/zeta.jar", "$HADOOP_CONF_DIR"),
                ContainerClasspath.build(fw, "usrlib/job.jar", UserJarInclusion.ORDER, cluster));
        assertEquals(String.join(cps, p + "conf", p + "usrlib/job.jar", p + "lib/alpha.jar", p + "lib/zeta.jar", "$HADOOP_CONF_DIR"),
                ContainerClasspath.build(fw, "usrlib/job.jar", UserJarInclusion.FIRST, cluster));
        assertEquals(String.join(cps, p + "conf", p + "lib/alpha.jar", p + "lib/zeta.jar", p + "usrlib/job.jar", "$HADOOP_CONF_DIR"),
                ContainerClasspath.build(fw, "usrlib/job.jar", UserJarInclusion.LAST, cluster));
        assertEquals(String.join(cps, p + "conf", p + "lib/alpha.jar", p + "lib/zeta.jar", "$HADOOP_CONF_DIR"),
                ContainerClasspath.build(fw, "usrlib/job.jar", UserJarInclusion.DISABLED, cluster));
    }

    @Test
    void programArgumentsSurviveSpacesQuotesAndNewlines() throws Exception {
        List<String> args = List.of("--input", "hdfs:///a b", "it's \"quoted\"", "line1\nline2", "über,comma");
        assertArrayEquals(args.toArray(), roundTrip(spec(Map.of(), List.of(), args)).programArgs().toArray());
        assertEquals(0, roundTrip(spec(Map.of(), List.of(), List.of())).programArgs().size());
        assertEquals(0, roundTrip(spec(Map.of(), List.of(), null)).programArgs().size());
    }

    @Test
    void localResourceListingRoundTrips() throws Exception {
        Map<String, LocalResource> resources = new LinkedHashMap<>();
        resources.put("lib/a.jar", LocalResource.newInstance(URL.fromPath(new org.apache.hadoop.fs.Path("hdfs://nn:8020/shared/lib/a.jar")),
                LocalResourceType.FILE, LocalResourceVisibility.PUBLIC, 123, 456));
        resources.put("data.zip", LocalResource.newInstance(URL.fromPath(new org.apache.hadoop.fs.Path("hdfs://nn:8020/user/u/.spindle/app/data.zip")),
                LocalResourceType.ARCHIVE, LocalResourceVisibility.APPLICATION, 7, 8));
        List<LocalizedResource> listed = resources.entrySet().stream().map(e -> LocalizedResource.of(e.getKey(), e.getValue())).toList();
        Map<String, LocalResource> back = roundTrip(spec(Map.of(), listed, List.of())).yarnLocalResources();
        assertEquals(resources, back);
        assertThrows(java.io.IOException.class, () -> LaunchSpecFile.fromBytes("broken line\n".getBytes()));
    }

    @Test
    void shippedConfigurationRoundTripsTypedValues() throws Exception {
        Configuration conf = new Configuration()
                .set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("1536m"))
                .set(TaskManagerOptions.NUM_TASK_SLOTS, 3)
                .setString("user.key", "a: b # not a comment");
        Path file = tmp.resolve(ContainerLayout.LAUNCH_SPEC_FILE);
        LaunchSpecFile.write(spec(conf.toMap(), List.of(), List.of()), file);
        Configuration back = LaunchSpecFile.read(file).toConfiguration();
        assertEquals(MemorySize.parse("1536m"), back.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY));
        assertEquals(3, back.get(TaskManagerOptions.NUM_TASK_SLOTS));
        assertEquals("a: b # not a comment", back.getString("user.key"));
        assertThrows(java.io.IOException.class, () -> LaunchSpecFile.read(tmp.resolve("missing.json")));
    }

    @Test
    void aSpecOfAnotherFormatVersionIsRefusedSayingSo() {
        String json = new String(LaunchSpecFile.toBytes(spec(Map.of(), List.of(), List.of())), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"version\" : " + LaunchSpecFile.VERSION, "\"version\" : 99");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> LaunchSpecFile.fromBytes(json.getBytes()));
        assertTrue(e.getMessage().contains("format version 99 but this Spindle reads version " + LaunchSpecFile.VERSION), e.getMessage());
        assertThrows(java.io.IOException.class, () -> LaunchSpecFile.fromBytes("{\"mode\":\"SESSION\"}".getBytes()));
    }

    @Test
    void containerEnvironmentIsTheSpecsVariablesPlusItsClasspath() {
        LaunchSpec spec = new LaunchSpec(LaunchSpecFile.VERSION, EntrypointMode.SESSION, "hdfs://nn/s", Map.of(), List.of(),
                List.of("{{PWD}}/conf", "{{PWD}}/lib/a.jar"), Map.of("HADOOP_USER_NAME", "u"), null, null, List.of(), null);
        assertEquals(Map.of("HADOOP_USER_NAME", "u", "CLASSPATH", "{{PWD}}/conf<CPS>{{PWD}}/lib/a.jar"), ContainerEnvironment.of(spec));
        assertEquals(EntrypointMode.PER_JOB, EntrypointMode.ofMainClass("dev.spindle.yarn.am.PerJobModeEntrypoint"));
    }

    private static LaunchSpec spec(Map<String, String> conf, List<LocalizedResource> resources, List<String> args) {
        return new LaunchSpec(LaunchSpecFile.VERSION, EntrypointMode.APPLICATION, "hdfs://nn/user/u/.spindle/app", conf,
                resources, List.of(), Map.of(), "usrlib/job.jar", "a.b.Main", args, null);
    }

    private static LaunchSpec roundTrip(LaunchSpec spec) throws java.io.IOException {
        return LaunchSpecFile.fromBytes(LaunchSpecFile.toBytes(spec));
    }

    @Test
    void secretTravelsInCredentialsOnly() throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        Credentials credentials = new Credentials();
        ContainerSecrets.addTo(credentials, secret);
        // What the NodeManager hands the container: the serialized token storage.
        Credentials received = new Credentials();
        java.nio.ByteBuffer buffer = ContainerSecrets.serialize(credentials);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        received.readTokenStorageStream(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes)));
        assertTrue(secret.matches(ContainerSecrets.read(received).toBase64()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ContainerSecrets.read(new Credentials()));
        assertTrue(e.getMessage().contains(ClusterSecret.CREDENTIALS_ALIAS));
        assertFalse(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret.toBase64()),
                "raw bytes, not the bearer form, are stored");
        assertEquals(1, received.numberOfSecretKeys());
        assertTrue(received.getSecretKey(new Text(ClusterSecret.CREDENTIALS_ALIAS)).length >= 16);
    }

    @Test
    void theSecretIsReadFromTheContainersTokenFileWithoutAHadoopLogin(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        Credentials credentials = new Credentials();
        ContainerSecrets.addTo(credentials, secret);
        java.nio.ByteBuffer buffer = ContainerSecrets.serialize(credentials);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        // The NodeManager writes the launch context's tokens to the file HADOOP_TOKEN_FILE_LOCATION names.
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("container_tokens"), bytes);
        assertTrue(secret.matches(ContainerSecrets.readFromTokenFile(file.toFile()).toBase64()));
    }
}
