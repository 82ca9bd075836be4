package dev.spindle.runtime.rest;

import static dev.spindle.runtime.rest.Futures.await;
import static dev.spindle.runtime.rest.Futures.awaitSavepoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.api.JobID;
import dev.spindle.api.JobStatus;
import dev.spindle.runtime.dispatcher.Dispatcher;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobmaster.JobDetails;
import dev.spindle.runtime.jobmaster.JobMaster;
import dev.spindle.runtime.rpc.JobGraphs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code /v1/jobs} routes: list, submit, details, checkpoint statistics, cancel, savepoint, stop. */
final class JobRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(JobRoutes.class);
    /** What {@code stop} does, told to the caller so nobody mistakes it for a drained, FINISHED job. */
    static final String STOP_SEMANTICS = "final savepoint taken, then the job was cancelled (sources were not drained; it ends CANCELED)";

    private final Dispatcher dispatcher;
    private final int maxRequestBytes;

    JobRoutes(Dispatcher dispatcher, int maxRequestBytes) {
        this.dispatcher = dispatcher;
        this.maxRequestBytes = maxRequestBytes;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/v1/jobs", this::list),
                Route.change("POST", "/v1/jobs", this::submit),
                Route.get("/v1/jobs/{jobId}", this::details),
                Route.get("/v1/jobs/{jobId}/checkpoints", this::checkpoints),
                Route.change("POST", "/v1/jobs/{jobId}/cancel", this::cancel),
                Route.change("POST", "/v1/jobs/{jobId}/savepoints", this::savepoint),
                Route.change("POST", "/v1/jobs/{jobId}/stop", this::stop));
    }

    private void list(RestExchange ex) throws Exception {
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (JobResult r : await(dispatcher.listJobs())) {
            jobs.add(jobEntry(r));
        }
        ex.json(200, Map.of("jobs", jobs));
    }

    private void submit(RestExchange ex) throws Exception {
        JobGraph graph = readJobGraph(ex.request);
        JobID id = await(dispatcher.submitJob(graph));
        ex.json(202, Map.of("id", id.toHexString()));
    }

    private void details(RestExchange ex) throws Exception {
        ex.json(200, jobDetails(await(dispatcher.requestJobDetails(ex.jobId()))));
    }

    private void checkpoints(RestExchange ex) throws Exception {
        JobID id = ex.jobId();
        JobMaster jm = dispatcher.runningJobMaster(id);
        if (jm == null) {
            throw new RestError(404, "job " + id + " is not running; checkpoint statistics are kept while a job runs");
        }
        ex.json(200, await(jm.requestCheckpointStats()));
    }

    private void cancel(RestExchange ex) throws Exception {
        JobID id = ex.jobId();
        JobResult current = await(dispatcher.requestJob(id));
        JobMaster jm = dispatcher.runningJobMaster(id);
        String retained = jm == null ? null : await(jm.retainedCheckpointOnCancel());
        await(dispatcher.cancelJob(id));
        String status = current.status().isTerminal() ? current.status().name() : JobStatus.CANCELLING.name();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toHexString());
        body.put("status", status);
        if (retained != null) {
            body.put("retainedCheckpoint", retained);
        }
        ex.json(202, body);
    }

    private void savepoint(RestExchange ex) throws Exception {
        JobID id = ex.jobId();
        String savepointPath = awaitSavepoint(runningJobMaster(id).triggerSavepoint(readTargetDirectory(ex.request)));
        LOG.info("REST savepoint of job {} completed at {}", id, savepointPath);
        ex.json(200, Map.of("id", id.toHexString(), "path", savepointPath));
    }

    private void stop(RestExchange ex) throws Exception {
        JobID id = ex.jobId();
        String savepointPath = awaitSavepoint(runningJobMaster(id).stopWithSavepoint(readTargetDirectory(ex.request)));
        LOG.info("REST stop of job {}: savepoint at {}, job cancelled", id, savepointPath);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toHexString());
        body.put("path", savepointPath);
        body.put("status", JobStatus.CANCELLING.name());
        body.put("stopped", STOP_SEMANTICS);
        ex.json(200, body);
    }

    private JobMaster runningJobMaster(JobID id) throws Exception {
        JobMaster jm = dispatcher.runningJobMaster(id);
        if (jm == null) {
            // answers 404 for an unknown job; a known one has ended
            JobResult r = await(dispatcher.requestJob(id));
            throw new RestError(409, "job " + id + " has ended " + r.status() + "; savepoints are taken of running jobs");
        }
        return jm;
    }

    /** The optional JSON body {@code {"targetDirectory": "..."}}; null (state.savepoints.dir) when absent or empty. */
    private static String readTargetDirectory(HttpServletRequest request) throws IOException, RestError {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(64 * 1024);
        }
        if (body.length == 0) {
            return null;
        }
        JsonNode node;
        try {
            node = RestExchange.JSON.readTree(body);
        } catch (IOException e) {
            throw new RestError(400, "body is not JSON: send {\"targetDirectory\": \"hdfs:///...\"} or nothing");
        }
        if (node == null || node.isNull() || node.isEmpty()) {
            return null;
        }
        JsonNode dir = node.get("targetDirectory");
        if (dir == null || dir.isNull()) {
            return null;
        }
        if (!dir.isTextual() || dir.asText().isBlank()) {
            throw new RestError(400, "targetDirectory must be a non-empty string");
        }
        return dir.asText();
    }

    private JobGraph readJobGraph(HttpServletRequest request) throws IOException, RestError {
        if (request.getContentLengthLong() > maxRequestBytes) {
            throw new RestError(413, "job graph of " + request.getContentLengthLong() + " bytes exceeds rest.server.max-content-length ("
                    + maxRequestBytes + ")");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = request.getInputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                body.write(buf, 0, n);
                if (body.size() > maxRequestBytes) {
                    throw new RestError(413, "job graph exceeds rest.server.max-content-length (" + maxRequestBytes + " bytes)");
                }
            }
        }
        if (body.size() == 0) {
            throw new RestError(400, "empty body: POST the Java-serialized JobGraph as application/octet-stream");
        }
        try {
            return JobGraphs.deserialize(body.toByteArray());
        } catch (IOException e) {
            throw new RestError(400, "body is not a job graph: " + e.getMessage());
        }
    }

    static Map<String, Object> jobEntry(JobResult r) {
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
}
