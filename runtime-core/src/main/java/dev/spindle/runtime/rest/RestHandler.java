package dev.spindle.runtime.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.api.JobStatus;
import dev.spindle.runtime.checkpoint.CheckpointException;
import dev.spindle.runtime.dispatcher.Dispatcher;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.dispatcher.NoSuchJobException;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import dev.spindle.runtime.jobmaster.JobDetails;
import dev.spindle.runtime.jobmaster.JobMaster;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.resourcemanager.ResourceManager;
import dev.spindle.runtime.resourcemanager.TaskExecutorInfo;
import dev.spindle.runtime.resourcemanager.WorkerCounts;
import dev.spindle.runtime.rpc.JobGraphs;
import dev.spindle.runtime.security.BearerToken;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.RefusalLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API of a cluster (JSON) and its small HTML overview page. Every request must carry
 * {@code Authorization: Bearer <cluster secret>}; anything else gets 401 and changes nothing.
 */
final class RestHandler extends AbstractHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RestHandler.class);
    private static final long TIMEOUT_SECONDS = 10;
    static final long SAVEPOINT_TIMEOUT_SECONDS = 300;
    /** What {@code stop} does, told to the caller so nobody mistakes it for a drained, FINISHED job. */
    static final String STOP_SEMANTICS = "final savepoint taken, then the job was cancelled (sources were not drained; it ends CANCELED)";

    /** A request that cannot be served, with the HTTP status and message to answer with. */
    private static final class HttpError extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private final ClusterSecret secret;
    private final RefusalLog refusals = new RefusalLog(LOG);
    private final Dispatcher dispatcher;
    private final ResourceManager resourceManager;
    private final CompletableFuture<ApplicationStatus> shutDownRequest;
    private final int maxRequestBytes;
    private final ObjectMapper json = new ObjectMapper();

    RestHandler(ClusterSecret secret, Dispatcher dispatcher, ResourceManager resourceManager,
            CompletableFuture<ApplicationStatus> shutDownRequest, int maxRequestBytes) {
        this.secret = secret;
        this.dispatcher = dispatcher;
        this.resourceManager = resourceManager;
        this.shutDownRequest = shutDownRequest;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        baseRequest.setHandled(true);
        String method = request.getMethod();
        String path = target.length() > 1 && target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        if (!secret.matches(BearerToken.parse(request.getHeader("Authorization")))) {
            refusals.refused(request.getRemoteAddr(), "REST " + method + " " + path, "missing or wrong cluster secret");
            writeJson(response, 401, Map.of("error", "missing or wrong cluster secret: send 'Authorization: Bearer <secret>'"));
            return;
        }
        try {
            route(method, path, request, response);
        } catch (HttpError e) {
            writeJson(response, e.status, Map.of("error", e.getMessage()));
        } catch (Exception e) {
            LOG.warn("REST {} {} failed", method, path, e);
            writeJson(response, 500, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private void route(String method, String path, HttpServletRequest request, HttpServletResponse response) throws Exception {
        String[] parts = path.split("/");
        // parts[0] is "" (leading slash)
        if (path.equals("/") || path.isEmpty()) {
            requireMethod(method, "GET");
            writeHtml(response);
        } else if (path.equals("/v1/overview")) {
            requireMethod(method, "GET");
            writeJson(response, 200, overview());
        } else if (path.equals("/v1/jobs")) {
            if (method.equals("POST")) {
                JobGraph graph = readJobGraph(request);
                JobID id = await(dispatcher.submitJob(graph));
                writeJson(response, 202, Map.of("id", id.toHexString()));
            } else {
                requireMethod(method, "GET");
                List<Map<String, Object>> jobs = new ArrayList<>();
                for (JobResult r : await(dispatcher.listJobs())) {
                    jobs.add(jobEntry(r));
                }
                writeJson(response, 200, Map.of("jobs", jobs));
            }
        } else if (parts.length == 4 && parts[1].equals("v1") && parts[2].equals("jobs")) {
            requireMethod(method, "GET");
            writeJson(response, 200, jobDetails(await(dispatcher.requestJobDetails(parseJobId(parts[3])))));
        } else if (parts.length == 5 && parts[1].equals("v1") && parts[2].equals("jobs") && parts[4].equals("checkpoints")) {
            requireMethod(method, "GET");
            JobID id = parseJobId(parts[3]);
            dev.spindle.runtime.jobmaster.JobMaster jm = dispatcher.runningJobMaster(id);
            if (jm == null) {
                throw new HttpError(404, "job " + id + " is not running; checkpoint statistics are kept while a job runs");
            }
            writeJson(response, 200, await(jm.requestCheckpointStats()));
        } else if (parts.length == 5 && parts[1].equals("v1") && parts[2].equals("jobs") && parts[4].equals("cancel")) {
            requireMethod(method, "POST");
            JobID id = parseJobId(parts[3]);
            JobResult current = await(dispatcher.requestJob(id));
            dev.spindle.runtime.jobmaster.JobMaster jm = dispatcher.runningJobMaster(id);
            String retained = jm == null ? null : await(jm.retainedCheckpointOnCancel());
            await(dispatcher.cancelJob(id));
            String status = current.status().isTerminal() ? current.status().name() : JobStatus.CANCELLING.name();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", id.toHexString());
            body.put("status", status);
            if (retained != null) {
                body.put("retainedCheckpoint", retained);
            }
            writeJson(response, 202, body);
        } else if (parts.length == 5 && parts[1].equals("v1") && parts[2].equals("jobs") && parts[4].equals("savepoints")) {
            requireMethod(method, "POST");
            JobID id = parseJobId(parts[3]);
            String savepointPath = awaitSavepoint(runningJobMaster(id).triggerSavepoint(readTargetDirectory(request)));
            LOG.info("REST savepoint of job {} completed at {}", id, savepointPath);
            writeJson(response, 200, Map.of("id", id.toHexString(), "path", savepointPath));
        } else if (parts.length == 5 && parts[1].equals("v1") && parts[2].equals("jobs") && parts[4].equals("stop")) {
            requireMethod(method, "POST");
            JobID id = parseJobId(parts[3]);
            String savepointPath = awaitSavepoint(runningJobMaster(id).stopWithSavepoint(readTargetDirectory(request)));
            LOG.info("REST stop of job {}: savepoint at {}, job cancelled", id, savepointPath);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", id.toHexString());
            body.put("path", savepointPath);
            body.put("status", JobStatus.CANCELLING.name());
            body.put("stopped", STOP_SEMANTICS);
            writeJson(response, 200, body);
        } else if (path.equals("/v1/taskexecutors")) {
            requireMethod(method, "GET");
            List<Map<String, Object>> list = new ArrayList<>();
            for (TaskExecutorInfo te : await(resourceManager.listTaskExecutors())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", te.id());
                m.put("host", te.host());
                m.put("slotsTotal", te.slotsTotal());
                m.put("slotsFree", te.slotsFree());
                m.put("lastHeartbeat", te.lastHeartbeat());
                list.add(m);
            }
            writeJson(response, 200, Map.of("taskExecutors", list));
        } else if (path.equals("/v1/cluster")) {
            requireMethod(method, "DELETE");
            LOG.info("Cluster shutdown requested over REST");
            shutDownRequest.complete(ApplicationStatus.SUCCEEDED);
            writeJson(response, 202, Map.of("status", "SHUTTING_DOWN"));
        } else {
            throw new HttpError(404, "no such resource: " + method + " " + path);
        }
    }

    private JobMaster runningJobMaster(JobID id) throws Exception {
        JobMaster jm = dispatcher.runningJobMaster(id);
        if (jm == null) {
            // answers 404 for an unknown job; a known one has ended
            JobResult r = await(dispatcher.requestJob(id));
            throw new HttpError(409, "job " + id + " has ended " + r.status() + "; savepoints are taken of running jobs");
        }
        return jm;
    }

    /** The optional JSON body {@code {"targetDirectory": "..."}}; null (state.savepoints.dir) when absent or empty. */
    private String readTargetDirectory(HttpServletRequest request) throws IOException, HttpError {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(64 * 1024);
        }
        if (body.length == 0) {
            return null;
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw new HttpError(400, "body is not JSON: send {\"targetDirectory\": \"hdfs:///...\"} or nothing");
        }
        if (node == null || node.isNull() || node.isEmpty()) {
            return null;
        }
        JsonNode dir = node.get("targetDirectory");
        if (dir == null || dir.isNull()) {
            return null;
        }
        if (!dir.isTextual() || dir.asText().isBlank()) {
            throw new HttpError(400, "targetDirectory must be a non-empty string");
        }
        return dir.asText();
    }

    /** Savepoints can take longer than a query: the coordinator's checkpoint timeout bounds them, this only the wait. */
    private static String awaitSavepoint(CompletableFuture<String> future) throws Exception {
        try {
            return future.get(SAVEPOINT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CheckpointException) {
                throw new HttpError(409, cause.getMessage());
            }
            throw cause instanceof Exception ex ? ex : e;
        } catch (TimeoutException e) {
            throw new HttpError(504, "the savepoint did not complete within " + SAVEPOINT_TIMEOUT_SECONDS + " s");
        }
    }

    private static void requireMethod(String method, String expected) throws HttpError {
        if (!method.equals(expected)) {
            throw new HttpError(405, "method " + method + " not allowed here; use " + expected);
        }
    }

    private static JobID parseJobId(String text) throws HttpError {
        try {
            return JobID.fromHexString(text);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "bad job id '" + text + "': expected 32 hex characters");
        }
    }

    private JobGraph readJobGraph(HttpServletRequest request) throws IOException, HttpError {
        if (request.getContentLengthLong() > maxRequestBytes) {
            throw new HttpError(413, "job graph of " + request.getContentLengthLong() + " bytes exceeds rest.server.max-content-length ("
                    + maxRequestBytes + ")");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = request.getInputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                body.write(buf, 0, n);
                if (body.size() > maxRequestBytes) {
                    throw new HttpError(413, "job graph exceeds rest.server.max-content-length (" + maxRequestBytes + " bytes)");
                }
            }
        }
        if (body.size() == 0) {
            throw new HttpError(400, "empty body: POST the Java-serialized JobGraph as application/octet-stream");
        }
        try {
            return JobGraphs.deserialize(body.toByteArray());
        } catch (IOException e) {
            throw new HttpError(400, "body is not a job graph: " + e.getMessage());
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof NoSuchJobException) {
                throw new HttpError(404, cause.getMessage());
            }
            if (cause instanceof IllegalArgumentException) {
                throw new HttpError(400, cause.getMessage());
            }
            throw cause instanceof Exception ex ? ex : e;
        } catch (TimeoutException e) {
            throw new HttpError(503, "the cluster did not answer within " + TIMEOUT_SECONDS + " s");
        }
    }

    private Map<String, Object> overview() throws Exception {
        Collection<TaskExecutorInfo> tes = await(resourceManager.listTaskExecutors());
        Collection<JobResult> jobs = await(dispatcher.listJobs());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskExecutors", tes.size());
        m.put("slotsTotal", tes.stream().mapToInt(TaskExecutorInfo::slotsTotal).sum());
        m.put("slotsAvailable", tes.stream().mapToInt(TaskExecutorInfo::slotsFree).sum());
        m.put("jobsRunning", jobs.stream().filter(j -> !j.status().isTerminal()).count());
        m.put("jobsFinished", jobs.stream().filter(j -> j.status() == JobStatus.FINISHED).count());
        m.put("jobsFailed", jobs.stream().filter(j -> j.status() == JobStatus.FAILED).count());
        m.put("jobsCanceled", jobs.stream().filter(j -> j.status() == JobStatus.CANCELED).count());
        WorkerCounts counts = resourceManager.driverWorkerCounts();
        Map<String, Object> workers = new LinkedHashMap<>();
        workers.put("requested", counts.requested());
        workers.put("allocated", counts.allocated());
        workers.put("running", counts.running());
        workers.put("registered", tes.size());
        m.put("workers", workers);
        return m;
    }

    private static Map<String, Object> jobEntry(JobResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.jobId().toHexString());
        m.put("name", r.jobName());
        m.put("status", r.status().name());
        m.put("startTime", r.startTime());
        m.put("endTime", r.endTime() > 0 ? r.endTime() : -1);
        m.put("duration", r.durationMillis());
        return m;
    }

    private static Map<String, Object> jobDetails(JobDetails d) {
        JobResult r = d.summary();
        Map<String, Object> m = jobEntry(r);
        m.put("failureCause", r.failureCause());
        m.put("failureStackTrace", r.failureStackTrace());
        Map<String, Object> accumulators = new LinkedHashMap<>();
        r.accumulators().forEach((k, v) -> accumulators.put(k, v == null || v instanceof Number || v instanceof Boolean
                || v instanceof String || v instanceof List<?> ? v : String.valueOf(v)));
        m.put("accumulators", accumulators);
        List<Map<String, Object>> vertices = new ArrayList<>();
        for (JobDetails.VertexDetails v : d.vertices()) {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("id", v.id());
            vm.put("name", v.name());
            vm.put("parallelism", v.parallelism());
            vm.put("status", v.status());
            vm.put("recordsIn", v.recordsIn());
            vm.put("recordsOut", v.recordsOut());
            List<Map<String, Object>> subtasks = new ArrayList<>();
            for (JobDetails.SubtaskDetails s : v.subtasks()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("index", s.index());
                sm.put("status", s.status());
                sm.put("attempt", s.attempt());
                sm.put("host", s.host());
                sm.put("recordsIn", s.recordsIn());
                sm.put("recordsOut", s.recordsOut());
                subtasks.add(sm);
            }
            vm.put("subtasks", subtasks);
            vertices.add(vm);
        }
        m.put("vertices", vertices);
        return m;
    }

    private void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private void writeHtml(HttpServletResponse response) throws Exception {
        Map<String, Object> overview = overview();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Spindle cluster</title></head><body>")
                .append("<h1>Spindle cluster</h1><table>");
        overview.forEach((k, v) -> html.append("<tr><th align=left>").append(escape(k)).append("</th><td>").append(escape(String.valueOf(v)))
                .append("</td></tr>"));
        html.append("</table><h2>Jobs</h2><table border=1><tr><th>id</th><th>name</th><th>status</th><th>start</th><th>duration (ms)</th></tr>");
        for (JobResult r : await(dispatcher.listJobs())) {
            html.append("<tr><td>").append(r.jobId()).append("</td><td>").append(escape(r.jobName())).append("</td><td>")
                    .append(r.status()).append("</td><td>").append(Instant.ofEpochMilli(r.startTime())).append("</td><td>")
                    .append(r.durationMillis()).append("</td></tr>");
        }
        html.append("</table></body></html>");
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("text/html; charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
