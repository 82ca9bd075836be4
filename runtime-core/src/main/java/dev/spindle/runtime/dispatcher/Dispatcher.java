package dev.spindle.runtime.dispatcher;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.ResourceManagerOptions;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import dev.spindle.runtime.jobmaster.JobDetails;
import dev.spindle.runtime.jobmaster.JobMaster;
import dev.spindle.runtime.jobmaster.JobMasterRegistry;
import dev.spindle.runtime.resourcemanager.ResourceManager;
import dev.spindle.runtime.rpc.RpcClients;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts job graphs and runs one {@link JobMaster} per job; keeps the summaries and details of
 * finished jobs, dropping the oldest beyond {@code jobstore.max-capacity}.
 */
public final class Dispatcher implements DispatcherGateway, JobMasterRegistry, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Configuration configuration;
    private final ResourceManager resourceManager;
    private final RpcClients clients;
    private final String rpcHost;
    private final int rpcPort;
    private final int historySize;
    private final Map<JobID, JobMaster> running = new ConcurrentHashMap<>();
    private final LinkedHashMap<JobID, JobDetails> finished = new LinkedHashMap<>();

    public Dispatcher(Configuration configuration, ResourceManager resourceManager, RpcClients clients, String rpcHost, int rpcPort) {
        this.configuration = configuration;
        this.resourceManager = resourceManager;
        this.clients = clients;
        this.rpcHost = rpcHost;
        this.rpcPort = rpcPort;
        this.historySize = Math.max(1, configuration.get(ResourceManagerOptions.JOB_STORE_MAX_CAPACITY));
    }

    @Override
    public CompletableFuture<JobID> submitJob(JobGraph jobGraph) {
        JobID id = jobGraph.getJobId();
        JobMaster jm;
        synchronized (this) {
            if (running.containsKey(id) || finished.containsKey(id)) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("job " + id + " was already submitted"));
            }
            try {
                jm = new JobMaster(jobGraph, configuration, resourceManager, clients, rpcHost, rpcPort);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e instanceof IllegalArgumentException ? e
                        : new IllegalArgumentException("job " + id + " cannot run: " + e.getMessage(), e));
            }
            running.put(id, jm);
        }
        LOG.info("Received job {} ({})", id, jobGraph.getName());
        jm.getResultFuture().thenCompose(r -> jm.requestDetails()).thenAccept(details -> archive(id, details));
        jm.start();
        return CompletableFuture.completedFuture(id);
    }

    private synchronized void archive(JobID id, JobDetails details) {
        finished.put(id, details);
        running.remove(id);
        Iterator<JobID> it = finished.keySet().iterator();
        while (finished.size() > historySize && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    @Override
    public JobMaster runningJobMaster(JobID jobId) {
        return running.get(jobId);
    }

    @Override
    public CompletableFuture<Collection<JobResult>> listJobs() {
        List<CompletableFuture<JobResult>> futures = new ArrayList<>();
        List<JobResult> done = new ArrayList<>();
        synchronized (this) {
            for (JobMaster jm : running.values()) {
                futures.add(jm.requestSummary());
            }
            for (JobDetails d : finished.values()) {
                if (!running.containsKey(d.summary().jobId())) {
                    done.add(d.summary());
                }
            }
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<JobResult> all = new ArrayList<>();
            futures.forEach(f -> all.add(f.join()));
            all.addAll(done);
            all.sort((a, b) -> Long.compare(a.startTime(), b.startTime()));
            return all;
        });
    }

    @Override
    public CompletableFuture<JobResult> requestJob(JobID jobId) {
        return requestJobDetails(jobId).thenApply(JobDetails::summary);
    }

    /** The job's summary with its vertices and subtasks. */
    public synchronized CompletableFuture<JobDetails> requestJobDetails(JobID jobId) {
        JobMaster jm = running.get(jobId);
        if (jm != null) {
            return jm.requestDetails();
        }
        JobDetails d = finished.get(jobId);
        return d != null ? CompletableFuture.completedFuture(d) : CompletableFuture.failedFuture(new NoSuchJobException(jobId));
    }

    @Override
    public synchronized CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        JobMaster jm = running.get(jobId);
        if (jm != null) {
            return jm.getResultFuture();
        }
        JobDetails d = finished.get(jobId);
        return d != null ? CompletableFuture.completedFuture(d.summary()) : CompletableFuture.failedFuture(new NoSuchJobException(jobId));
    }

    @Override
    public synchronized CompletableFuture<Void> cancelJob(JobID jobId) {
        JobMaster jm = running.get(jobId);
        if (jm != null) {
            return jm.cancel();
        }
        return finished.containsKey(jobId) ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(new NoSuchJobException(jobId));
    }

    /**
     * Cancels every running job without waiting: the cluster is asked to shut down, and in per-job
     * and application mode the application ends only once its jobs did.
     */
    public synchronized void cancelAllJobs(String why) {
        for (JobMaster jm : running.values()) {
            LOG.info("Canceling job {}: {}", jm.getJobId(), why);
            jm.cancel();
        }
    }

    /** Cancels every running job and waits (bounded) for them to end. */
    @Override
    public void close() {
        List<JobMaster> jobs = new ArrayList<>(running.values());
        for (JobMaster jm : jobs) {
            jm.cancel();
        }
        for (JobMaster jm : jobs) {
            try {
                jm.getResultFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Job {} did not end in time during shutdown: {}", jm.getJobId(), e.toString());
            }
        }
    }
}
