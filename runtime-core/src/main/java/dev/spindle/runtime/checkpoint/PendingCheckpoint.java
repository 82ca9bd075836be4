package dev.spindle.runtime.checkpoint;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/** A triggered checkpoint waiting for the acknowledgements of its tasks. */
final class PendingCheckpoint {

    final CheckpointBarrier barrier;
    final CheckpointPlan plan;
    final Set<ExecutionAttempt> notYetAcknowledged;
    final Map<ExecutionAttempt, TaskStateHandle> acknowledged = new LinkedHashMap<>();
    final CompletableFuture<CompletedCheckpoint> result = new CompletableFuture<>();
    final long startNanos = System.nanoTime();
    /** When each task acknowledged, in nanoseconds after the trigger. */
    final Map<ExecutionAttempt, Long> acknowledgedAfterNanos = new LinkedHashMap<>();
    ScheduledFuture<?> timeout;
    boolean finalizing;
    /** Set on the io thread once the recorder named this checkpoint the one to resume from: its files must stay. */
    volatile boolean recorded;

    PendingCheckpoint(CheckpointBarrier barrier, CheckpointPlan plan) {
        this.barrier = barrier;
        this.plan = plan;
        this.notYetAcknowledged = new HashSet<>(plan.tasksToAcknowledge());
    }

    long id() {
        return barrier.id();
    }
}
