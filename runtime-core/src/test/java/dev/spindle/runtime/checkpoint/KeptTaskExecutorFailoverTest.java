package dev.spindle.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.HeartbeatOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.entrypoint.ClusterServices;
import dev.spindle.runtime.entrypoint.ClusterServicesFactory;
import dev.spindle.runtime.entrypoint.DefaultClusterServices;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.recovery.FileSystemJobRecoveryStore;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.resourcemanager.ClusterAddresses;
import dev.spindle.runtime.resourcemanager.ResourceEventHandler;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.resourcemanager.ResourceManagerDriver;
import dev.spindle.runtime.resourcemanager.TaskExecutorInfo;
import dev.spindle.runtime.resourcemanager.WorkerNode;
import dev.spindle.runtime.resourcemanager.WorkerResourceSpec;
import dev.spindle.runtime.rpc.RpcAddress;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.security.tls.TransportSecurity;
import dev.spindle.runtime.taskexecutor.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What YARN's keep-containers-across-attempts gives an ApplicationMaster failover, on the runtime
 * in one JVM: the cluster services go away mid-job while their TaskExecutor keeps running; a new
 * cluster on the same recovery store is told the worker is kept, the TaskExecutor finds the new
 * cluster through its locator, and the job resumes on it from its latest checkpoint. No new
 * worker is ever started, and the committed output is exactly the reference.
 */
@Timeout(180)
class KeptTaskExecutorFailoverTest {

    private static final String LOOPBACK = "127.0.0.1";

    @TempDir
    Path tmp;

    /** A cluster below that starts no workers: the only one is the TaskExecutor the test runs. */
    private static final class KeptWorkersDriver implements ResourceManagerDriver {
        private final List<WorkerNode> kept;
        final AtomicInteger requested = new AtomicInteger();

        KeptWorkersDriver(List<WorkerNode> kept) {
            this.kept = kept;
        }

        @Override
        public void initialize(ResourceEventHandler handler, Executor mainThreadExecutor, ClusterAddresses addresses) {
            if (!kept.isEmpty()) {
                handler.onPreviousAttemptWorkers(kept);
            }
        }

        @Override
        public CompletableFuture<WorkerNode> requestWorker(WorkerResourceSpec spec) {
            requested.incrementAndGet();
            return new CompletableFuture<>(); // never: the kept TaskExecutor must be enough
        }

        @Override
        public void releaseWorker(WorkerNode worker) {
        }

        @Override
        public void deregisterApplication(ApplicationStatus finalStatus, String diagnostics) {
        }

        @Override
        public void terminate() {
        }
    }

    private FileSystemJobRecoveryStore store() throws Exception {
        return new FileSystemJobRecoveryStore(new org.apache.hadoop.fs.Path(tmp.resolve("recovery").toUri()),
                new org.apache.hadoop.conf.Configuration());
    }

    /** How the first cluster goes away while its TaskExecutor keeps running. */
    @FunctionalInterface
    private interface ClusterEnd {
        void end(ClusterServices first, TaskExecutor te) throws Exception;
    }

    @Test
    void aKeptTaskExecutorFollowsTheNewClusterWhichResumesTheJobOnIt() throws Exception {
        // the ApplicationMaster shuts down: its job masters cancel their tasks, the TaskExecutor stays
        failOverOnAKeptTaskExecutor("container_kept_01_000002", (first, te) -> first.close());
    }

    /**
     * The ApplicationMaster dies abruptly, and the bounded job reaches the end of its input on the
     * kept TaskExecutor while no job master runs: the sinks must not commit what the resumed job
     * writes again. They wait for a grant that only their own, dead, job master could give; the new
     * cluster then resumes the job from its checkpoint on the same TaskExecutor, exactly once.
     */
    @Test
    void anOrphanedSinkCommitsNothingWhileNoJobMasterRuns() throws Exception {
        Path out = tmp.resolve("out");
        failOverOnAKeptTaskExecutor("container_kept_01_000003", (first, te) -> {
            ((DefaultClusterServices) first).kill();
            // the rest of the input runs through on the kept TaskExecutor; both sinks then wait for a grant
            long deadline = System.currentTimeMillis() + 60_000;
            while (sinksAwaitingTheirGrant() < 2 && !te.describeLiveTasks().isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(2, sinksAwaitingTheirGrant(), "both sinks wait for their job master at the end of input; live tasks: "
                    + te.describeLiveTasks());
            assertFalse(Files.exists(out.resolve("_SUCCESS")), "nothing committed the end of the old attempt's output");
            assertTrue(CheckpointRecoveryTest.expected().containsAll(CheckpointRecoveryTest.committedLines(out)),
                    "only checkpointed output was committed");
        });
    }

    /**
     * Runs the job on a first cluster and one TaskExecutor until a checkpoint completed, lets
     * {@code end} take the first cluster away, then starts a second cluster on the same recovery
     * store that is told the TaskExecutor is kept: the TaskExecutor follows it there, and the job
     * resumes on it with exactly the reference output and no new worker.
     */
    private void failOverOnAKeptTaskExecutor(String containerId, ClusterEnd end) throws Exception {
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        conf.set(HeartbeatOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(200));
        // Long enough that only the move, never a heartbeat timeout, can explain a re-registration.
        conf.set(HeartbeatOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(60));
        ClusterSecret secret = ClusterSecret.generate().withTransport(TransportSecurity.from(conf));
        ResourceID teId = new ResourceID(containerId);
        Path out = tmp.resolve("out");
        Path checkpoints = tmp.resolve("checkpoints");
        CheckpointRecoveryTest.GENERATED.set(0);
        JobGraph job = CheckpointRecoveryTest.job(out, checkpoints, false);

        ClusterServices first = ClusterServicesFactory.start(conf, new KeptWorkersDriver(List.of()), secret, LOOPBACK, store(), null);
        AtomicReference<RpcAddress> current = new AtomicReference<>(new RpcAddress(first.getRpcHost(), first.getRpcPort()));
        TaskExecutor te = new TaskExecutor(conf, teId, first.getRpcHost(), first.getRpcPort(), secret, LOOPBACK, tmp.resolve("te"),
                () -> Optional.of(current.get()));
        try {
            te.start();
            te.getRegistrationFuture().get(30, TimeUnit.SECONDS);
            first.getDispatcher().submitJob(job).get();
            long deadline = System.currentTimeMillis() + 60_000;
            while (!CheckpointRecoveryTest.hasCompletedCheckpoint(checkpoints) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(CheckpointRecoveryTest.hasCompletedCheckpoint(checkpoints), "no checkpoint completed");
            end.end(first, te);

            WorkerNode kept = new WorkerNode(teId, LOOPBACK, new WorkerResourceSpec(
                    conf.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY), 1, 2));
            KeptWorkersDriver secondDriver = new KeptWorkersDriver(List.of(kept));
            try (ClusterServices second = ClusterServicesFactory.start(conf, secondDriver, secret, LOOPBACK, store(), null)) {
                current.set(new RpcAddress(second.getRpcHost(), second.getRpcPort()));
                JobResult result = second.getDispatcher().requestJobResult(job.getJobId()).get(120, TimeUnit.SECONDS);
                assertEquals(JobStatus.FINISHED, result.status(), String.valueOf(result.failureCause()));
                List<TaskExecutorInfo> registered = ((DefaultClusterServices) second).getResourceManager().listTaskExecutors()
                        .get(10, TimeUnit.SECONDS);
                assertEquals(List.of(teId.id()), registered.stream().map(TaskExecutorInfo::id).toList());
                assertEquals(0, secondDriver.requested.get(), "no new worker: the kept one ran the resumed job");
            }
            assertFalse(te.getTerminationFuture().isDone(), "the TaskExecutor lived through the failover");
        } finally {
            te.close();
        }
        assertEquals(CheckpointRecoveryTest.expected(), CheckpointRecoveryTest.committedLines(out));
    }

    /** Task threads of this JVM that wait in a final-commit fence. */
    private static long sinksAwaitingTheirGrant() {
        return Thread.getAllStackTraces().values().stream().filter(stack -> java.util.Arrays.stream(stack)
                .anyMatch(f -> f.getClassName().endsWith("JobMasterFinalCommitFence") && f.getMethodName().equals("awaitPermission")))
                .count();
    }
}
