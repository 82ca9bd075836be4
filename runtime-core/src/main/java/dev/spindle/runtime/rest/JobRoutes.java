package dev.spindle.runtime.rest;

import static dev.spindle.runtime.rest.Futures.await;
import static dev.spindle.runtime.rest.Futures.awaitSavepoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.api.JobID;
import dev.spindle.api.JobStatus;
import dev.spindle.runtime.dispatcher.Dispatcher;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobEdge;
import dev.spindle.runtime.jobmaster.JobDetails;
import dev.spindle.runtime.jobmaster.SubtaskMetrics;
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
                Route.get("/v1/jobs/{jobId}/metrics", this::metrics),
                Route.get("/v1/jobs/{jobId}/config", this::config),
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
        ex.json(200, CheckpointStatsView.named(await(jm.requestCheckpointStats()), await(dispatcher.requestJobDetails(id))));
    }

    /** Per vertex, subtask and operator figures, with the checkpoint figures of a running job. */
    private void metrics(RestExchange ex) throws Exception {
        JobID id = ex.jobId();
        JobDetails d = await(dispatcher.requestJobDetails(id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id.toHexString());
        m.put("status", d.summary().status().name());
        m.put("restarts", d.restarts());
        List<Map<String, Object>> vertices = new ArrayList<>();
        for (JobDetails.VertexDetails v : d.vertices()) {
            vertices.add(vertexJson(v));
        }
        m.put("vertices", vertices);
        JobMaster jm = dispatcher.runningJobMaster(id);
        m.put("checkpoints", jm == null ? Map.of("enabled", false) : CheckpointStatsView.named(await(jm.requestCheckpointStats()), d));
        ex.json(200, m);
    }

    /** The job's own configuration (what its program set), with anything that looks like a credential masked. */
    private void config(RestExchange ex) throws Exception {
        JobDetails d = await(dispatcher.requestJobDetails(ex.jobId()));
        Map<String, String> masked = new java.util.TreeMap<>();
        d.configuration().forEach((k, v) -> masked.put(k, k.matches("(?i).*(password|secret|token|credential).*") ? "******" : v));
        ex.json(200, Map.of("id", d.summary().jobId().toHexString(), "configuration", masked));
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
            vertices.add(vertexJson(v));
        }
        m.put("vertices", vertices);
        List<Map<String, Object>> edges = new ArrayList<>();
        for (JobEdge e : d.edges()) {
            edges.add(Map.of("source", e.source().toHexString(), "target", e.target().toHexString(), "shipStrategy", e.shipStrategy().name()));
        }
        m.put("edges", edges);
        m.put("restarts", d.restarts());
        List<Map<String, Object>> exceptions = new ArrayList<>();
        for (JobDetails.ExceptionEntry e : d.exceptions()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("timestamp", e.timestamp());
            em.put("task", e.task());
            em.put("location", e.location());
            em.put("rootCause", e.rootCause());
            em.put("stackTrace", e.stackTrace());
            exceptions.add(em);
        }
        m.put("exceptions", exceptions);
        return m;
    }

    /**
     * A vertex with its subtasks and operators. Rates and byte counts add up over subtasks; the time
     * shares are the subtasks' mean; an operator's figures add up over the subtasks running it.
     */
    private static Map<String, Object> vertexJson(JobDetails.VertexDetails v) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("id", v.id());
        vm.put("name", v.name());
        vm.put("parallelism", v.parallelism());
        vm.put("status", v.status());
        vm.put("recordsIn", v.recordsIn());
        vm.put("recordsOut", v.recordsOut());
        long bytesIn = 0;
        long bytesOut = 0;
        double inRate = 0;
        double outRate = 0;
        double busy = 0;
        double idle = 0;
        double backpressured = 0;
        int measured = 0;
        int outUsed = 0;
        int outCapacity = 0;
        int inUsed = 0;
        int inCapacity = 0;
        Map<String, double[]> operators = new LinkedHashMap<>();
        Map<String, WatermarkSummary> watermarks = new LinkedHashMap<>();
        List<Map<String, Object>> subtasks = new ArrayList<>();
        for (JobDetails.SubtaskDetails s : v.subtasks()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("index", s.index());
            sm.put("status", s.status());
            sm.put("attempt", s.attempt());
            sm.put("host", s.host());
            sm.put("taskExecutor", s.taskExecutor());
            sm.put("recordsIn", s.recordsIn());
            sm.put("recordsOut", s.recordsOut());
            SubtaskMetrics mt = s.metrics();
            if (mt != null) {
                measured++;
                sm.put("bytesIn", mt.bytesIn());
                sm.put("bytesOut", mt.bytesOut());
                sm.put("recordsInPerSecond", mt.recordsInPerSecond());
                sm.put("recordsOutPerSecond", mt.recordsOutPerSecond());
                sm.put("busyRatio", mt.busyRatio());
                sm.put("idleRatio", mt.idleRatio());
                sm.put("backpressuredRatio", mt.backpressuredRatio());
                sm.put("busyTimeMs", mt.busyMillis());
                sm.put("idleTimeMs", mt.idleMillis());
                sm.put("backpressuredTimeMs", mt.backpressuredMillis());
                sm.put("outputBuffers", buffersJson(mt.outputBuffers()));
                sm.put("inputBuffers", buffersJson(mt.inputBuffers()));
                outUsed += mt.outputBuffers().used();
                outCapacity += mt.outputBuffers().capacity();
                inUsed += mt.inputBuffers().used();
                inCapacity += mt.inputBuffers().capacity();
                bytesIn += mt.bytesIn();
                bytesOut += mt.bytesOut();
                inRate += mt.recordsInPerSecond();
                outRate += mt.recordsOutPerSecond();
                busy += mt.busyRatio();
                idle += mt.idleRatio();
                backpressured += mt.backpressuredRatio();
                for (SubtaskMetrics.OperatorFigures o : mt.operators()) {
                    double[] sum = operators.computeIfAbsent(o.name(), k -> new double[4]);
                    sum[0] += o.recordsIn();
                    sum[1] += o.recordsOut();
                    sum[2] += o.recordsInPerSecond();
                    sum[3] += o.recordsOutPerSecond();
                    watermarks.computeIfAbsent(o.name(), k -> new WatermarkSummary()).add(o);
                }
            }
            subtasks.add(sm);
        }
        if (measured > 0) {
            vm.put("bytesIn", bytesIn);
            vm.put("bytesOut", bytesOut);
            vm.put("recordsInPerSecond", inRate);
            vm.put("recordsOutPerSecond", outRate);
            vm.put("busyRatio", busy / measured);
            vm.put("idleRatio", idle / measured);
            vm.put("backpressuredRatio", backpressured / measured);
            vm.put("outputBuffers", buffersJson(new SubtaskMetrics.BufferFigures(outUsed, outCapacity)));
            vm.put("inputBuffers", buffersJson(new SubtaskMetrics.BufferFigures(inUsed, inCapacity)));
        }
        List<Map<String, Object>> ops = new ArrayList<>();
        operators.forEach((name, sum) -> {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("name", name);
            om.put("recordsIn", (long) sum[0]);
            om.put("recordsOut", (long) sum[1]);
            om.put("recordsInPerSecond", sum[2]);
            om.put("recordsOutPerSecond", sum[3]);
            WatermarkSummary w = watermarks.get(name);
            if (w != null) {
                w.putInto(om);
            }
            ops.add(om);
        });
        vm.put("operators", ops);
        vm.put("subtasks", subtasks);
        return vm;
    }

    private static Map<String, Object> buffersJson(SubtaskMetrics.BufferFigures b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("used", b.used());
        m.put("capacity", b.capacity());
        m.put("usage", b.usage());
        return m;
    }

    /**
     * An operator's watermark over the subtasks running it, as Flink shows it: the smallest one
     * (event time of the operator as a whole) and the largest lag; "none yet" while a subtask has none.
     */
    private static final class WatermarkSummary {
        private boolean missing;
        private boolean any;
        private long min = Long.MAX_VALUE;
        private long maxLag = Long.MIN_VALUE;

        void add(SubtaskMetrics.OperatorFigures o) {
            if (o.watermark() == null) {
                missing = true;
                return;
            }
            any = true;
            min = Math.min(min, o.watermark());
            if (!o.watermarkAtEnd()) {
                maxLag = Math.max(maxLag, o.watermarkLagMillis());
            }
        }

        void putInto(Map<String, Object> om) {
            if (missing || !any) {
                om.put("watermark", null);
                om.put("watermarkLagMs", null);
                om.put("watermarkState", "no watermark yet");
            } else if (min == Long.MAX_VALUE) {
                om.put("watermark", min);
                om.put("watermarkLagMs", null);
                om.put("watermarkState", "end of input");
            } else {
                om.put("watermark", min);
                om.put("watermarkLagMs", maxLag == Long.MIN_VALUE ? null : maxLag);
                om.put("watermarkState", "current");
            }
        }
    }
}
