package dev.spindle.yarn.client.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.spindle.runtime.jars.UserJarName;
import dev.spindle.runtime.rest.RestHttpClients;
import dev.spindle.runtime.security.ClusterSecret;

/**
 * Talks to a cluster's REST API (JSON over HTTPS, pinned to the application's certificate) with the application's secret as bearer token:
 * overview, jobs, one job, cancel, savepoints and stop, checkpoint statistics, a session's user jars, cluster shutdown.
 */
public final class RestClusterClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A savepoint writes all state: the AM bounds it at 300 s, the client waits a little longer. */
    private static final Duration SAVEPOINT_TIMEOUT = Duration.ofSeconds(310);
    /** A user jar can be large; its upload is bounded by this rather than by the request timeout. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(300);
    private static final int CHUNK_BYTES = 1 << 16;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final URI baseUrl;
    private final ClusterSecret secret;
    /** Null for a plain-HTTP endpoint (REST TLS switched off). */
    private final SSLSocketFactory tls;
    private final Duration requestTimeout;

    public RestClusterClient(String baseUrl, ClusterSecret secret) {
        this(baseUrl, secret, Duration.ofSeconds(10));
    }

    public RestClusterClient(String baseUrl, ClusterSecret secret, Duration requestTimeout) {
        String normalized = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.baseUrl = URI.create(normalized.contains("://") ? normalized : "https://" + normalized);
        this.secret = secret;
        this.requestTimeout = requestTimeout;
        this.tls = socketFactory(secret, this.baseUrl);
    }

    /** Trusts only the application's certificate (RestHttpClients); a plain-HTTP URL is refused unless REST TLS is off here. */
    private static SSLSocketFactory socketFactory(ClusterSecret secret, URI baseUrl) {
        try {
            SSLContext context = RestHttpClients.sslContext(secret, baseUrl);
            return context == null ? null : context.getSocketFactory();
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A job as listed by {@code GET /v1/jobs}, or the head of {@code GET /v1/jobs/{id}}. */
    public record JobSummary(String id, String name, String status, long startTime, long endTime, long duration,
            String failureCause, JsonNode details) {

        public boolean isTerminal() {
            return status.equals("FINISHED") || status.equals("FAILED") || status.equals("CANCELED");
        }
    }

    public JsonNode overview() throws IOException {
        return get("/v1/overview");
    }

    public List<JobSummary> listJobs() throws IOException {
        List<JobSummary> jobs = new ArrayList<>();
        for (JsonNode j : get("/v1/jobs").path("jobs")) {
            jobs.add(summary(j));
        }
        return jobs;
    }

    public JobSummary job(String jobId) throws IOException {
        return summary(get("/v1/jobs/" + jobId));
    }

    /** Submits a Java-serialized job graph ({@code POST /v1/jobs}); returns the job id the cluster accepted. */
    public String submitJob(byte[] serializedJobGraph) throws IOException {
        return send("POST", baseUrl.resolve("/v1/jobs"), Body.of("application/octet-stream", serializedJobGraph), requestTimeout)
                .path("id").asText();
    }

    /** Cancels the job; returns the retained checkpoint's path (RETAIN_ON_CANCELLATION), or null. */
    public String cancel(String jobId) throws IOException {
        JsonNode answer = send("POST", baseUrl.resolve("/v1/jobs/" + jobId + "/cancel"), Body.NONE, requestTimeout);
        return answer.hasNonNull("retainedCheckpoint") ? answer.get("retainedCheckpoint").asText() : null;
    }

    /** The job's checkpoint statistics ({@code GET /v1/jobs/{id}/checkpoints}). */
    public JsonNode checkpoints(String jobId) throws IOException {
        return get("/v1/jobs/" + jobId + "/checkpoints");
    }

    /** Takes a savepoint into {@code targetDirectory} (null: the cluster's state.savepoints.dir); returns its path. */
    public String triggerSavepoint(String jobId, String targetDirectory) throws IOException {
        return savepointCall(jobId, "savepoints", targetDirectory).path("path").asText();
    }

    /** Stops the job with a final savepoint; the answer holds {@code path} and {@code stopped} (what the cluster did). */
    public JsonNode stop(String jobId, String targetDirectory) throws IOException {
        return savepointCall(jobId, "stop", targetDirectory);
    }

    private JsonNode savepointCall(String jobId, String action, String targetDirectory) throws IOException {
        byte[] body = targetDirectory == null ? new byte[0] : JSON.writeValueAsBytes(java.util.Map.of("targetDirectory", targetDirectory));
        return send("POST", baseUrl.resolve("/v1/jobs/" + jobId + "/" + action), Body.of("application/json", body), SAVEPOINT_TIMEOUT);
    }

    /** Where the session keeps the user jar of that name ({@code GET /v1/jars/{name}}); empty when it has none of that name. */
    public Optional<URI> userJar(UserJarName name) throws IOException {
        try {
            return Optional.of(URI.create(send("GET", jarUri(name), Body.NONE, requestTimeout).path("uri").asText()));
        } catch (RestException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Streams a jar to the session ({@code PUT /v1/jars/{name}}, chunked), which checks it against its
     * name; returns where it is kept.
     */
    public URI uploadUserJar(UserJarName name, InputStream jar) throws IOException {
        return URI.create(send("PUT", jarUri(name), Body.of("application/java-archive", jar), UPLOAD_TIMEOUT).path("uri").asText());
    }

    /** The jar's route, its name percent-encoded as a path segment. */
    private URI jarUri(UserJarName name) {
        try {
            return new URI(baseUrl.getScheme(), baseUrl.getRawAuthority(), "/v1/jars/" + name.value(), null, null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("cannot name jar " + name + " in a URL: " + e.getMessage(), e);
        }
    }

    /** Asks a session to shut down: running jobs are cancelled and the AM unregisters SUCCEEDED. */
    public void shutDownCluster() throws IOException {
        send("DELETE", baseUrl.resolve("/v1/cluster"), Body.NONE, requestTimeout);
    }

    private static JobSummary summary(JsonNode j) {
        JsonNode cause = j.get("failureCause");
        return new JobSummary(j.path("id").asText(), j.path("name").asText(), j.path("status").asText(),
                j.path("startTime").asLong(), j.path("endTime").asLong(-1), j.path("duration").asLong(),
                cause == null || cause.isNull() ? null : cause.asText(), j);
    }

    private JsonNode get(String path) throws IOException {
        return send("GET", baseUrl.resolve(path), Body.NONE, requestTimeout);
    }

    /** A request body: nothing, bytes, or a stream of unknown length sent chunked. */
    private record Body(String contentType, byte[] bytes, InputStream stream) {
        static final Body NONE = new Body(null, null, null);

        static Body of(String contentType, byte[] bytes) {
            return new Body(contentType, bytes, null);
        }

        static Body of(String contentType, InputStream stream) {
            return new Body(contentType, null, stream);
        }
    }

    /**
     * One call over {@link HttpURLConnection}, not {@code java.net.http}: the latter's selector
     * thread sits in native code for the life of the JVM, and a JVM exiting with such a thread
     * waits 300 ms for it; the CLI paid that on every command.
     */
    private JsonNode send(String method, URI uri, Body body, Duration timeout) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        if (connection instanceof HttpsURLConnection https) {
            if (tls == null) {
                throw new IOException("Refusing " + uri + ": this client was set up for a plain-HTTP endpoint");
            }
            https.setSSLSocketFactory(tls);
        }
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        connection.setRequestMethod(method);
        connection.setRequestProperty("Authorization", "Bearer " + secret.toBase64());
        connection.setRequestProperty("Accept", "application/json");
        if (body.contentType() != null) {
            connection.setRequestProperty("Content-Type", body.contentType());
            connection.setDoOutput(true);
            if (body.stream() != null) {
                connection.setChunkedStreamingMode(CHUNK_BYTES);
            } else {
                connection.setFixedLengthStreamingMode(body.bytes().length);
            }
            try (OutputStream out = connection.getOutputStream()) {
                if (body.stream() != null) {
                    body.stream().transferTo(out);
                } else {
                    out.write(body.bytes());
                }
            }
        } else if (method.equals("POST") || method.equals("PUT")) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(0);
            connection.getOutputStream().close();
        }
        int status = connection.getResponseCode();
        String text;
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (status >= 400) {
            String message = text;
            try {
                message = JSON.readTree(text).path("error").asText(text);
            } catch (IOException ignored) {
                // not JSON: show the raw body
            }
            throw new RestException(status, method + " " + uri.getPath() + " failed with HTTP " + status + ": " + message);
        }
        return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    }

    /** An HTTP error answer of the cluster. */
    public static final class RestException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        public RestException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
