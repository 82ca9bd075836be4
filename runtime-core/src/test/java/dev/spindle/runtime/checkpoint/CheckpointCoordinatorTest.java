package dev.spindle.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.CheckpointingMode;
import dev.spindle.api.ExternalizedCheckpointCleanup;
import dev.spindle.api.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointCoordinatorTest {

    private static final ExecutionAttempt SOURCE = new ExecutionAttempt("v1", 0, 0);
    private static final ExecutionAttempt SINK = new ExecutionAttempt("v2", 0, 0);

    @TempDir
    Path tmp;

    private final ScheduledExecutorService main = Executors.newSingleThreadScheduledExecutor();
    private final FakeGateway gateway = new FakeGateway();

    @AfterEach
    void stop() {
        main.shutdownNow();
    }

    private final class FakeGateway implements CheckpointGateway {
        final List<CheckpointBarrier> triggered = new ArrayList<>();
        final List<String> notified = new ArrayList<>();
        String refusal;
        Throwable failedWith;

        @Override
        public CheckpointPlan plan() {
            return new CheckpointPlan(List.of(SOURCE), List.of(SOURCE, SINK), List.of(),
                    Map.of("v1", List.of("src"), "v2", List.of("sink")), Map.of("v1", 1, "v2", 1));
        }

        @Override
        public CompletableFuture<String> trigger(ExecutionAttempt source, CheckpointBarrier barrier) {
            triggered.add(barrier);
            return CompletableFuture.completedFuture(refusal);
        }

        @Override
        public void notifyComplete(ExecutionAttempt task, long checkpointId) {
            notified.add(task + ":" + checkpointId);
        }

        @Override
        public void failJob(Throwable cause) {
            failedWith = cause;
        }
    }

    private CheckpointCoordinator coordinator(long timeoutMillis, int tolerable, int retained) {
        CheckpointSettings settings = new CheckpointSettings(100_000, CheckpointingMode.EXACTLY_ONCE, timeoutMillis, 0, 1, tolerable,
                ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION, tmp.toUri().toString(), null, retained);
        return new CheckpointCoordinator("job1", settings, gateway, main, Runnable::run);
    }

    private <T> T onMain(Callable<T> call) throws Exception {
        return main.submit(call).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aCheckpointCompletesOnlyWhenEveryTaskAcknowledgedThenTasksAreToldAndOldOnesDeleted() throws Exception {
        CheckpointCoordinator c = coordinator(60_000, 0, 2);
        for (int n = 1; n <= 3; n++) {
            CompletableFuture<CompletedCheckpoint> f = onMain(c::triggerCheckpoint);
            long id = n;
            onMain(() -> {
                c.acknowledge(SOURCE, id, new TaskStateHandle("task-src", 10, List.of("src")));
                return null;
            });
            assertFalse(f.isDone(), "completed before the sink acknowledged");
            onMain(() -> {
                c.acknowledge(SINK, id, new TaskStateHandle("", 0, List.of("sink")));
                return null;
            });
            CompletedCheckpoint done = f.get(10, TimeUnit.SECONDS);
            assertEquals(n, done.id());
            assertEquals(Map.of(0, "task-src"), done.metadata().operators().get("src").stateFiles());
            assertTrue(Files.exists(Path.of(java.net.URI.create(done.directory())).resolve("_metadata")));
        }
        assertTrue(gateway.notified.containsAll(List.of(SOURCE + ":3", SINK + ":3")));
        // num-retained 2: chk-1 went when chk-3 completed
        assertFalse(Files.exists(tmp.resolve("job1/chk-1")));
        assertTrue(Files.exists(tmp.resolve("job1/chk-2/_metadata")) && Files.exists(tmp.resolve("job1/chk-3/_metadata")));
        assertEquals(3, onMain(() -> c.latestCompleted().id()));
        CheckpointMetadata read = CheckpointStorage.readMetadata(tmp.resolve("job1/chk-3").toUri().toString());
        assertEquals(3, read.checkpointId());
        assertEquals("task-src", read.operators().get("src").stateFiles().get(0));
    }

    @Test
    void timedOutAndDeclinedCheckpointsCountAgainstTheTolerableNumberThenTheJobFails() throws Exception {
        CheckpointCoordinator c = coordinator(100, 1, 1);
        CompletableFuture<CompletedCheckpoint> first = onMain(c::triggerCheckpoint);
        ExecutionException timeout = assertThrows(ExecutionException.class, () -> first.get(10, TimeUnit.SECONDS));
        assertTrue(timeout.getCause().getMessage().contains("expired"), timeout.getCause().getMessage());
        assertNull(gateway.failedWith, "one failure is tolerated");

        CompletableFuture<CompletedCheckpoint> second = onMain(c::triggerCheckpoint);
        onMain(() -> {
            c.decline(SINK, 2, "disk full");
            return null;
        });
        assertThrows(ExecutionException.class, () -> second.get(10, TimeUnit.SECONDS));
        assertInstanceOf(CheckpointException.class, gateway.failedWith);
        assertTrue(gateway.failedWith.getMessage().contains("tolerable") && gateway.failedWith.getMessage().contains("disk full"),
                gateway.failedWith.getMessage());
        assertEquals(2, onMain(() -> c.counts().failed()));
    }

    @Test
    void aCompletedCheckpointResetsTheFailureCountAndRefusedTriggersDoNotCount() throws Exception {
        CheckpointCoordinator c = coordinator(60_000, 0, 1);
        gateway.refusal = "task not running yet";
        CompletableFuture<CompletedCheckpoint> refused = onMain(c::triggerCheckpoint);
        assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
        assertNull(gateway.failedWith);
        assertEquals(0, onMain(() -> c.counts().failed()));
    }

    @Test
    void theJobsEndStopsCheckpointsAndDeletesThemWhenTheJobFinished() throws Exception {
        CheckpointCoordinator c = coordinator(60_000, 0, 1);
        CompletableFuture<CompletedCheckpoint> pending = onMain(c::triggerCheckpoint);
        onMain(() -> {
            c.shutdown(JobStatus.FINISHED);
            return null;
        });
        assertThrows(ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
        CompletableFuture<CompletedCheckpoint> after = onMain(c::triggerCheckpoint);
        assertThrows(ExecutionException.class, () -> after.get(10, TimeUnit.SECONDS));
        assertFalse(Files.exists(tmp.resolve("job1")));
    }

    @Test
    void aCanceledJobKeepsItsCheckpointsWithRetainOnCancellation() throws Exception {
        CheckpointCoordinator c = coordinator(60_000, 0, 1);
        CompletableFuture<CompletedCheckpoint> f = onMain(c::triggerCheckpoint);
        onMain(() -> {
            c.acknowledge(SOURCE, 1, new TaskStateHandle("task-src", 10, List.of("src")));
            c.acknowledge(SINK, 1, new TaskStateHandle("", 0, List.of("sink")));
            return null;
        });
        f.get(10, TimeUnit.SECONDS);
        onMain(() -> {
            c.shutdown(JobStatus.CANCELED);
            return null;
        });
        assertTrue(Files.exists(tmp.resolve("job1/chk-1/_metadata")));
    }

    @Test
    void aSavepointGoesIntoItsOwnDirectoryWithRelativeStateFiles() throws Exception {
        CheckpointCoordinator c = coordinator(60_000, 0, 1);
        CompletableFuture<CompletedCheckpoint> f = onMain(() -> c.triggerSavepoint(tmp.resolve("savepoints").toUri().toString()));
        long id = gateway.triggered.get(0).id();
        assertTrue(gateway.triggered.get(0).savepoint());
        onMain(() -> {
            c.acknowledge(SOURCE, id, new TaskStateHandle("task-src", 10, List.of("src")));
            c.acknowledge(SINK, id, new TaskStateHandle("", 0, List.of("sink")));
            return null;
        });
        CompletedCheckpoint sp = f.get(10, TimeUnit.SECONDS);
        assertTrue(sp.directory().contains("savepoints/savepoint-"), sp.directory());
        assertNull(onMain(c::latestCompleted), "a savepoint is no checkpoint to restart from");
        assertEquals("task-src", CheckpointStorage.readMetadata(sp.directory()).operators().get("src").stateFiles().get(0));
    }
}
