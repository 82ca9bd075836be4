package dev.spindle.runtime.rest;

import static dev.spindle.runtime.rest.Futures.await;

import dev.spindle.runtime.dispatcher.Dispatcher;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.jobmaster.JobDetails;
import dev.spindle.runtime.jobmaster.JobMaster;
import dev.spindle.runtime.jobmaster.SubtaskMetrics;
import dev.spindle.runtime.resourcemanager.ResourceManager;
import dev.spindle.runtime.resourcemanager.TaskExecutorInfo;
import dev.spindle.runtime.rpc.proto.ProcessMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /metrics}: the cluster's figures in the Prometheus text format, for scraping. The
 * ApplicationMaster's own JVM comes from Micrometer's JVM binders (a registry for the process's
 * life); jobs, tasks, operators and TaskExecutors (whose figures their heartbeats carried) are
 * written from the current state on each scrape, so an ended job's series simply disappear.
 */
final class MetricsRoutes {

    private final Dispatcher dispatcher;
    private final ResourceManager resourceManager;
    private final PrometheusMeterRegistry processRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    MetricsRoutes(Dispatcher dispatcher, ResourceManager resourceManager) {
        this.dispatcher = dispatcher;
        this.resourceManager = resourceManager;
        processRegistry.config().commonTags("process", "applicationmaster");
        new JvmMemoryMetrics().bindTo(processRegistry);
        new JvmGcMetrics().bindTo(processRegistry);
        new JvmThreadMetrics().bindTo(processRegistry);
    }

    List<Route> routes() {
        return List.of(Route.get("/metrics", this::scrape));
    }

    private void scrape(RestExchange ex) throws Exception {
        PrometheusMeterRegistry now = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            addTaskExecutors(now);
            for (JobResult job : await(dispatcher.listJobs())) {
                if (!job.status().isTerminal()) {
                    addJob(now, await(dispatcher.requestJobDetails(job.jobId())), dispatcher.runningJobMaster(job.jobId()));
                }
            }
            ex.text(200, "text/plain; version=0.0.4; charset=utf-8", processRegistry.scrape() + now.scrape());
        } finally {
            now.close();
        }
    }

    private void addTaskExecutors(PrometheusMeterRegistry r) throws Exception {
        for (TaskExecutorInfo te : await(resourceManager.listTaskExecutors())) {
            Tags tags = Tags.of("task_executor", te.id(), "host", te.host());
            ProcessMetrics p = te.process();
            gauge(r, "spindle.taskexecutor.slots", "slots of the TaskExecutor", tags, te.slotsTotal());
            gauge(r, "spindle.taskexecutor.slots.free", "free slots of the TaskExecutor", tags, te.slotsFree());
            gauge(r, "spindle.taskexecutor.heap.used.bytes", "JVM heap in use (last heartbeat)", tags, p.getHeapUsed());
            gauge(r, "spindle.taskexecutor.heap.committed.bytes", "JVM heap committed (last heartbeat)", tags, p.getHeapCommitted());
            gauge(r, "spindle.taskexecutor.heap.max.bytes", "JVM heap limit", tags, p.getHeapMax());
            gauge(r, "spindle.taskexecutor.nonheap.used.bytes", "JVM non-heap memory in use", tags, p.getNonHeapUsed());
            counter(r, "spindle.taskexecutor.gc.collections", "garbage collections since the JVM started", tags, p.getGcCount());
            counter(r, "spindle.taskexecutor.gc.time.ms", "time spent in garbage collection", tags, p.getGcTimeMillis());
            gauge(r, "spindle.taskexecutor.threads", "live threads", tags, p.getThreads());
            gauge(r, "spindle.taskexecutor.managed.memory.bytes", "configured managed memory", tags, p.getManagedMemory());
            gauge(r, "spindle.taskexecutor.network.memory.bytes", "configured network memory", tags, p.getNetworkMemory());
        }
    }

    private static void addJob(PrometheusMeterRegistry r, JobDetails job, JobMaster jm) throws Exception {
        Tags jobTags = Tags.of("job_id", job.summary().jobId().toHexString(), "job_name", job.summary().jobName());
        gauge(r, "spindle.job.restarts", "restarts of the job", jobTags, job.restarts());
        for (JobDetails.VertexDetails v : job.vertices()) {
            for (JobDetails.SubtaskDetails s : v.subtasks()) {
                Tags tags = jobTags.and("vertex", v.name(), "subtask", String.valueOf(s.index()));
                counter(r, "spindle.task.records.in", "records the subtask received", tags, s.recordsIn());
                counter(r, "spindle.task.records.out", "records the subtask sent", tags, s.recordsOut());
                SubtaskMetrics m = s.metrics();
                if (m == null) {
                    continue;
                }
                counter(r, "spindle.task.bytes.in", "bytes the subtask received", tags, m.bytesIn());
                counter(r, "spindle.task.bytes.out", "bytes the subtask sent", tags, m.bytesOut());
                gauge(r, "spindle.task.busy.ratio", "share of the last interval the subtask worked", tags, m.busyRatio());
                gauge(r, "spindle.task.idle.ratio", "share of the last interval the subtask waited for input", tags, m.idleRatio());
                gauge(r, "spindle.task.backpressured.ratio", "share of the last interval the subtask waited for room downstream", tags,
                        m.backpressuredRatio());
                counter(r, "spindle.task.busy.time.ms", "time the subtask worked since it started", tags, m.busyMillis());
                counter(r, "spindle.task.idle.time.ms", "time the subtask waited for input since it started", tags, m.idleMillis());
                counter(r, "spindle.task.backpressured.time.ms", "time the subtask waited for room downstream since it started", tags,
                        m.backpressuredMillis());
                // a sink has no output buffers, a source no input ones: no series rather than a 0 of nothing
                if (m.outputBuffers().capacity() > 0) {
                    gauge(r, "spindle.task.buffers.out.usage", "share of the subtask's output buffers in use (waiting for consumers)", tags,
                            m.outputBuffers().usage());
                    gauge(r, "spindle.task.buffers.out.used", "output buffers in use", tags, m.outputBuffers().used());
                }
                if (m.inputBuffers().capacity() > 0) {
                    gauge(r, "spindle.task.buffers.in.usage", "share of the subtask's input buffers in use (received, not processed)", tags,
                            m.inputBuffers().usage());
                    gauge(r, "spindle.task.buffers.in.used", "input buffers in use", tags, m.inputBuffers().used());
                }
                for (SubtaskMetrics.OperatorFigures o : m.operators()) {
                    Tags ot = tags.and("operator", o.name());
                    counter(r, "spindle.operator.records.in", "records into the operator", ot, o.recordsIn());
                    counter(r, "spindle.operator.records.out", "records out of the operator", ot, o.recordsOut());
                    // no series while the operator has no watermark or its input ended: a lag of 0 would pretend
                    if (o.watermark() != null && !o.watermarkAtEnd()) {
                        gauge(r, "spindle.operator.watermark.lag.ms", "processing time minus the operator's current watermark", ot,
                                o.watermarkLagMillis());
                    }
                }
            }
        }
        if (jm != null) {
            Map<String, Object> cp = await(jm.requestCheckpointStats());
            if (Boolean.TRUE.equals(cp.get("enabled"))) {
                gauge(r, "spindle.job.checkpoints.completed", "completed checkpoints", jobTags, ((Number) cp.get("completed")).doubleValue());
                gauge(r, "spindle.job.checkpoints.failed", "failed checkpoints", jobTags, ((Number) cp.get("failed")).doubleValue());
                if (cp.get("latestCompleted") instanceof Map<?, ?> last) {
                    gauge(r, "spindle.job.checkpoint.last.duration.ms", "duration of the latest completed checkpoint", jobTags,
                            ((Number) last.get("durationMs")).doubleValue());
                    gauge(r, "spindle.job.checkpoint.last.size.bytes", "size of the latest completed checkpoint", jobTags,
                            ((Number) last.get("sizeBytes")).doubleValue());
                }
            }
        }
    }

    private static void gauge(PrometheusMeterRegistry r, String name, String help, Tags tags, double value) {
        Gauge.builder(name, () -> value).description(help).tags(tags).register(r);
    }

    private static void counter(PrometheusMeterRegistry r, String name, String help, Tags tags, double value) {
        FunctionCounter.builder(name, value, v -> v).description(help).tags(tags).register(r);
    }
}
