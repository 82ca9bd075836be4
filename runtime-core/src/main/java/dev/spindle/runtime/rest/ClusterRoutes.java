package dev.spindle.runtime.rest;

import static dev.spindle.runtime.rest.Futures.await;

import dev.spindle.api.JobStatus;
import dev.spindle.runtime.dispatcher.Dispatcher;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.resourcemanager.ResourceManager;
import dev.spindle.runtime.resourcemanager.TaskExecutorInfo;
import dev.spindle.runtime.resourcemanager.WorkerCounts;
import dev.spindle.runtime.metrics.ProcessMetricsSampler;
import dev.spindle.runtime.rpc.proto.ProcessMetrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cluster-wide routes: overview, TaskExecutors, the ApplicationMaster's JVM and log files, shutdown. */
final class ClusterRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRoutes.class);

    /** At most this much of a log file goes out per request: the UI shows the tail, `spindle logs` fetches whole files from YARN. */
    static final int LOG_TAIL_BYTES = 256 * 1024;

    private final Dispatcher dispatcher;
    private final ResourceManager resourceManager;
    private final CompletableFuture<ApplicationStatus> shutDownRequest;

    ClusterRoutes(Dispatcher dispatcher, ResourceManager resourceManager, CompletableFuture<ApplicationStatus> shutDownRequest) {
        this.dispatcher = dispatcher;
        this.resourceManager = resourceManager;
        this.shutDownRequest = shutDownRequest;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/v1/overview", ex -> ex.json(200, overview())),
                Route.get("/v1/taskexecutors", this::taskExecutors),
                Route.get("/v1/jobmanager", this::jobManager),
                Route.get("/v1/log", this::log),
                Route.get("/v1/logs", this::logs),
                Route.get("/v1/logs/{file}", this::logFile),
                Route.change("DELETE", "/v1/cluster", this::shutDown));
    }

    private void taskExecutors(RestExchange ex) throws Exception {
        List<Map<String, Object>> list = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (TaskExecutorInfo te : await(resourceManager.listTaskExecutors())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", te.id());
            m.put("host", te.host());
            m.put("slotsTotal", te.slotsTotal());
            m.put("slotsFree", te.slotsFree());
            m.put("lastHeartbeat", te.lastHeartbeat());
            m.put("heartbeatAgeMillis", te.lastHeartbeat() > 0 ? Math.max(0, now - te.lastHeartbeat()) : -1);
            m.put("containerId", te.id());
            m.put("logUrl", te.logUrl());
            var p = te.process();
            Map<String, Object> memory = new LinkedHashMap<>();
            memory.put("processBytes", p.getProcessMemory());
            memory.put("heapBytes", p.getHeapMemory());
            memory.put("managedBytes", p.getManagedMemory());
            memory.put("networkBytes", p.getNetworkMemory());
            memory.put("metaspaceBytes", p.getMetaspace());
            memory.put("overheadBytes", p.getOverhead());
            m.put("memory", memory);
            m.put("jvm", jvmJson(p));
            list.add(m);
        }
        ex.json(200, Map.of("taskExecutors", list));
    }

    /** The tail of this process's main log file (the one log4j writes, {@code -Dlog.file}), as plain text. */
    private void log(RestExchange ex) throws Exception {
        LogFiles logs = LogFiles.ofThisProcess(LOG_TAIL_BYTES);
        writeTail(ex, logs.tail(logs.mainLogName()));
    }

    /** The files of this process's log directory (in YARN: the container's log dir), with the main one named. */
    private void logs(RestExchange ex) throws Exception {
        LogFiles logs = LogFiles.ofThisProcess(LOG_TAIL_BYTES);
        List<Map<String, Object>> files = new ArrayList<>();
        for (LogFiles.Entry e : logs.list()) {
            files.add(Map.of("name", e.name(), "sizeBytes", e.sizeBytes(), "lastModified", e.lastModified()));
        }
        ex.json(200, Map.of("main", logs.mainLogName(), "tailBytes", LOG_TAIL_BYTES, "files", files));
    }

    private void logFile(RestExchange ex) throws Exception {
        writeTail(ex, LogFiles.ofThisProcess(LOG_TAIL_BYTES).tail(ex.param("file")));
    }

    /** The tail as text; how much of the file it leaves out goes in headers, so the body stays the file's own bytes. */
    private static void writeTail(RestExchange ex, LogFiles.Tail tail) throws Exception {
        ex.response.setHeader("X-Log-File-Size", String.valueOf(tail.sizeBytes()));
        ex.response.setHeader("X-Log-Tail-Offset", String.valueOf(tail.offset()));
        ex.response.setHeader("Cache-Control", "no-cache");
        ex.bytes(200, "text/plain; charset=utf-8", tail.bytes());
    }

    /** The ApplicationMaster's own JVM now: heap, non-heap, garbage collection, threads. */
    private void jobManager(RestExchange ex) throws Exception {
        ProcessMetrics p = ProcessMetricsSampler.sample(ProcessMetrics.getDefaultInstance());
        Map<String, Object> jvm = jvmJson(p);
        jvm.put("uptimeMillis", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        jvm.put("processors", Runtime.getRuntime().availableProcessors());
        ex.json(200, Map.of("jvm", jvm));
    }

    private static Map<String, Object> jvmJson(ProcessMetrics p) {
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("heapUsedBytes", p.getHeapUsed());
        jvm.put("heapCommittedBytes", p.getHeapCommitted());
        jvm.put("heapMaxBytes", p.getHeapMax());
        jvm.put("nonHeapUsedBytes", p.getNonHeapUsed());
        jvm.put("gcCount", p.getGcCount());
        jvm.put("gcTimeMillis", p.getGcTimeMillis());
        jvm.put("threads", p.getThreads());
        return jvm;
    }

    private void shutDown(RestExchange ex) throws Exception {
        LOG.info("Cluster shutdown requested over REST");
        shutDownRequest.complete(ApplicationStatus.SUCCEEDED);
        ex.json(202, Map.of("status", "SHUTTING_DOWN"));
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
}
