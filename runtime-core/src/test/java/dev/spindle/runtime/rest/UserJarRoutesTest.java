package dev.spindle.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.entrypoint.ClusterServices;
import dev.spindle.runtime.entrypoint.ClusterServicesFactory;
import dev.spindle.runtime.jars.FileSystemUserJarStore;
import dev.spindle.runtime.jars.UserJarName;
import dev.spindle.runtime.recovery.JobRecoveryStore;
import dev.spindle.runtime.resourcemanager.RecordingDriver;
import dev.spindle.runtime.security.ClusterSecret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A session's {@code /v1/jars}: what a warm client uses to submit with REST calls only. */
@Timeout(60)
class UserJarRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private ClusterServices services;
    private ClusterSecret secret;
    private HttpClient http;

    private void start(boolean withStore) throws Exception {
        secret = ClusterSecret.generate();
        FileSystemUserJarStore store = withStore ? new FileSystemUserJarStore(new org.apache.hadoop.fs.Path(tmp.resolve("usrlib").toUri()),
                new org.apache.hadoop.conf.Configuration()) : null;
        services = ClusterServicesFactory.start(new Configuration(), new RecordingDriver(), secret, "127.0.0.1", JobRecoveryStore.none(),
                null, store, null);
        http = RestHttpClients.builder(secret, URI.create(services.getRestUrl())).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    private HttpResponse<String> call(String method, String name, byte[] body, boolean withSecret) throws Exception {
        URI base = URI.create(services.getRestUrl());
        HttpRequest.Builder b = HttpRequest.newBuilder(new URI(base.getScheme(), base.getRawAuthority(), "/v1/jars/" + name, null, null))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (withSecret) {
            b.header("Authorization", "Bearer " + secret.toBase64());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aJarIsSentOnceCheckedAgainstItsNameAndFoundAfterwards() throws Exception {
        start(true);
        Path local = Files.writeString(tmp.resolve("my job.jar"), "classes", StandardCharsets.UTF_8);
        UserJarName name = UserJarName.of(local);
        byte[] bytes = Files.readAllBytes(local);

        HttpResponse<String> missing = call("GET", name.value(), null, true);
        assertEquals(404, missing.statusCode(), missing.body());
        assertTrue(missing.body().contains("send it with PUT /v1/jars/"), missing.body());

        HttpResponse<String> noSecret = call("PUT", name.value(), bytes, false);
        assertEquals(401, noSecret.statusCode(), noSecret.body());
        HttpResponse<String> damaged = call("PUT", name.value(), "other bytes".getBytes(StandardCharsets.UTF_8), true);
        assertEquals(400, damaged.statusCode(), damaged.body());
        assertTrue(damaged.body().contains("damaged on its way or its name is wrong"), damaged.body());
        assertEquals(404, call("GET", name.value(), null, true).statusCode(), "nothing kept of a refused upload");

        HttpResponse<String> stored = call("PUT", name.value(), bytes, true);
        assertEquals(201, stored.statusCode(), stored.body());
        URI uri = URI.create(JSON.readTree(stored.body()).path("uri").asText());
        assertArrayEquals(bytes, Files.readAllBytes(Path.of(uri)));
        HttpResponse<String> found = call("GET", name.value(), null, true);
        assertEquals(200, found.statusCode(), found.body());
        assertEquals(uri.toString(), JSON.readTree(found.body()).path("uri").asText());
        assertEquals(401, call("GET", name.value(), null, false).statusCode(), "even asking needs the secret");

        HttpResponse<String> badName = call("PUT", "job.jar", bytes, true);
        assertEquals(400, badName.statusCode(), badName.body());
        assertTrue(badName.body().contains("is not a user jar name"), badName.body());
    }

    @Test
    void aClusterWithoutAJarStoreSaysOnlySessionsTakeJars() throws Exception {
        start(false);
        HttpResponse<String> r = call("PUT", "0123456789abcdef-job.jar", new byte[] {1}, true);
        assertEquals(501, r.statusCode(), r.body());
        assertTrue(r.body().contains("only a session does"), r.body());
    }
}
