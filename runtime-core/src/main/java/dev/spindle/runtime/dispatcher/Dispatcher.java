package dev.spindle.runtime.dispatcher;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.ResourceManagerOptions;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import dev.spindle.runtime.jobmaster.JobDetails;
import dev.spindle.runtime.jobmaster.JobMaster;
import dev.spindle.runtime.jobmaster.JobMasterRegistry;
import dev.spindle.runtime.recovery.JobRecoveryStore;
import dev.spindle.runtime.recovery.RecoveredJob;
import dev.spindle.runtime.resourcemanager.ResourceManager;
import dev.spindle.runtime.rpc.RpcClients;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts job graphs and runs one {@link JobMaster} per job; keeps the summaries and details of
 * finished jobs, dropping the oldest beyond {@code jobstore.max-capacity}. With a durable
 * {@link JobRecoveryStore} it records every job, its latest checkpoint and its end, and
 * {@link #recoverJobs} takes over what an earlier ApplicationMaster attempt left running.
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
    private final JobRecoveryStore recoveryStore;
    /** Jobs taken over from an earlier attempt: a program that submits one of them again attaches to it. */
    private final Set<JobID> recovered = ConcurrentHashMap.newKeySet();
    /** Set while the process shuts down: jobs cancelled by that are not recorded as ended, so a later attempt resumes them. */
    private volatile boolean closing;

    public Dispatcher(Configuration configuration, ResourceManager resourceManager, RpcClients clients, String rpcHost, int rpcPort) {
        this(configuration, resourceManager, clients, rpcHost, rpcPort, JobRecoveryStore.none());
    }

    public Dispatcher(Configuration configuration, ResourceManager resourceManager, RpcClients clients, String rpcHost, int rpcPort,
            JobRecoveryStore recoveryStore) {
        this.recoveryStore = recoveryStore;
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
        if (recovered.contains(id)) {
            // application mode: main() runs again on a later attempt and submits the job it already started
            LOG.info("Job {} ({}) was taken over from an earlier attempt; the submission attaches to it", id, jobGraph.getName());
            return CompletableFuture.completedFuture(id);
        }
        JobMaster jm;
        synchronized (this) {
            if (running.containsKey(id) || finished.containsKey(id)) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("job " + id + " was already submitted"));
            }
            try {
                jm = newJobMaster(jobGraph, null);
                recoveryStore.jobSubmitted(jobGraph);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e instanceof IllegalArgumentException ? e
                        : new IllegalArgumentException("job " + id + " cannot run: " + e.getMessage(), e));
            }
            running.put(id, jm);
        }
        LOG.info("Received job {} ({})", id, jobGraph.getName());
        startJob(jm);
        return CompletableFuture.completedFuture(id);
    }

    /**
     * Takes over the jobs an earlier ApplicationMaster attempt recorded: ended ones are listed with
     * their results, the others resume from their latest completed checkpoint (or start again from
     * what they were submitted with, when none completed). Call once, before clients are served.
     */
    public void recoverJobs() throws java.io.IOException {
        if (!recoveryStore.isDurable()) {
            return;
        }
        List<RecoveredJob> jobs = recoveryStore.recover(Dispatcher.class.getClassLoader());
        for (RecoveredJob job : jobs) {
            JobGraph graph = job.graph();
            JobID id = graph.getJobId();
            recovered.add(id);
            if (job.ended()) {
                LOG.info("Job {} ({}) ended {} in an earlier attempt", id, graph.getName(), job.result().status());
                synchronized (this) {
                    finished.put(id, JobDetails.summaryOnly(job.result()));
                }
                continue;
            }
            JobMaster jm;
            try {
                jm = newJobMaster(graph, job.latestCheckpoint());
            } catch (Exception e) {
                throw new java.io.IOException("Job " + id + " (" + graph.getName() + ") of an earlier attempt cannot be resumed"
                        + (job.latestCheckpoint() == null ? "" : " from " + job.latestCheckpoint()) + ": " + e.getMessage(), e);
            }
            LOG.info("Resuming job {} ({}) of an earlier attempt {}", id, graph.getName(),
                    job.latestCheckpoint() == null ? "from its start (no checkpoint completed)" : "from " + job.latestCheckpoint());
            running.put(id, jm);
            startJob(jm);
        }
    }

    private JobMaster newJobMaster(JobGraph graph, String resumeFrom) throws java.io.IOException {
        JobID id = graph.getJobId();
        return new JobMaster(graph, configuration, resourceManager, clients, rpcHost, rpcPort,
                (checkpointId, directory) -> recoveryStore.checkpointCompleted(id, checkpointId, directory), resumeFrom);
    }

    private void startJob(JobMaster jm) {
        JobID id = jm.getJobId();
        jm.getResultFuture().thenCompose(r -> jm.requestDetails()).thenAccept(details -> archive(id, details));
        jm.start();
    }

    private synchronized void archive(JobID id, JobDetails details) {
        if (!closing) {
            try {
                recoveryStore.jobEnded(details.summary());
            } catch (Exception e) {
                LOG.warn("Could not record the end of job {} for recovery; a later attempt would run it again: {}", id, e.toString());
            }
        }
        finished.put(id, details);
        running.remove(id);
        Iterator<JobID> it = finished.keySet().iterator();
        while (finished.size() > historySize && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    @Override
    public boolean tookOver(JobID jobId) {
        return recovered.contains(jobId);
    }

    /**
     * The application's progress for the cluster manager (YARN's progress bar): the mean over the
     * running jobs of the share of source input each read; a job whose progress cannot be known
     * (unbounded) counts as 0, and with no job running the progress is 0.
     */
    public double applicationProgress() {
        double sum = 0;
        int jobs = 0;
        for (JobMaster jm : running.values()) {
            sum += Math.max(0, jm.inputProgress());
            jobs++;
        }
        return jobs == 0 ? 0 : sum / jobs;
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

    /**
     * Cancels every running job and waits (bounded) for them to end; with a durable recovery store the
     * jobs are suspended instead, their checkpoints kept, for a later attempt to resume.
     */
    @Override
    public void close() {
        closing = true;
        List<JobMaster> jobs = new ArrayList<>(running.values());
        for (JobMaster jm : jobs) {
            if (recoveryStore.isDurable()) {
                jm.suspend();
            } else {
                jm.cancel();
            }
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
