package dev.spindle.yarn.client.rest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    private final URI baseUrl;
    private final ClusterSecret secret;
    private final HttpClient http;
    private final Duration requestTimeout;

    public RestClusterClient(String baseUrl, ClusterSecret secret) {
        this(baseUrl, secret, Duration.ofSeconds(10));
    }

    public RestClusterClient(String baseUrl, ClusterSecret secret, Duration requestTimeout) {
        String normalized = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.baseUrl = URI.create(normalized.contains("://") ? normalized : "https://" + normalized);
        this.secret = secret;
        this.requestTimeout = requestTimeout;
        this.http = client(secret, this.baseUrl);
    }

    /** Trusts only the application's certificate (RestHttpClients); a plain-HTTP URL is refused unless REST TLS is off here. */
    private static HttpClient client(ClusterSecret secret, URI baseUrl) {
        try {
            return RestHttpClients.builder(secret, baseUrl).connectTimeout(Duration.ofSeconds(5)).build();
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
        return send(HttpRequest.newBuilder(baseUrl.resolve("/v1/jobs")).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(serializedJobGraph))).path("id").asText();
    }

    /** Cancels the job; returns the retained checkpoint's path (RETAIN_ON_CANCELLATION), or null. */
    public String cancel(String jobId) throws IOException {
        JsonNode answer = send(HttpRequest.newBuilder(baseUrl.resolve("/v1/jobs/" + jobId + "/cancel")).POST(HttpRequest.BodyPublishers.noBody()));
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
        String body = targetDirectory == null ? "" : JSON.writeValueAsString(java.util.Map.of("targetDirectory", targetDirectory));
        return send(HttpRequest.newBuilder(baseUrl.resolve("/v1/jobs/" + jobId + "/" + action))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), SAVEPOINT_TIMEOUT);
    }

    /** Where the session keeps the user jar of that name ({@code GET /v1/jars/{name}}); empty when it has none of that name. */
    public Optional<URI> userJar(UserJarName name) throws IOException {
        try {
            return Optional.of(URI.create(send(HttpRequest.newBuilder(jarUri(name)).GET()).path("uri").asText()));
        } catch (RestException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Sends a local jar to the session ({@code PUT /v1/jars/{name}}), which checks it against its name; returns where it is kept. */
    public URI uploadUserJar(UserJarName name, Path jar) throws IOException {
        return URI.create(send(HttpRequest.newBuilder(jarUri(name)).header("Content-Type", "application/java-archive")
                .PUT(HttpRequest.BodyPublishers.ofFile(jar)), UPLOAD_TIMEOUT).path("uri").asText());
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
        send(HttpRequest.newBuilder(baseUrl.resolve("/v1/cluster")).DELETE());
    }

    private static JobSummary summary(JsonNode j) {
        JsonNode cause = j.get("failureCause");
        return new JobSummary(j.path("id").asText(), j.path("name").asText(), j.path("status").asText(),
                j.path("startTime").asLong(), j.path("endTime").asLong(-1), j.path("duration").asLong(),
                cause == null || cause.isNull() ? null : cause.asText(), j);
    }

    private JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(baseUrl.resolve(path)).GET());
    }

    private JsonNode send(HttpRequest.Builder builder) throws IOException {
        return send(builder, requestTimeout);
    }

    private JsonNode send(HttpRequest.Builder builder, Duration timeout) throws IOException {
        HttpRequest request = builder.timeout(timeout)
                .header("Authorization", "Bearer " + secret.toBase64())
                .header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + request.uri(), e);
        }
        String body = response.body();
        if (response.statusCode() >= 400) {
            String message = body;
            try {
                message = JSON.readTree(body).path("error").asText(body);
            } catch (IOException ignored) {
                // not JSON: show the raw body
            }
            throw new RestException(response.statusCode(), request.method() + " " + request.uri().getPath()
                    + " failed with HTTP " + response.statusCode() + ": " + message);
        }
        return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
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
