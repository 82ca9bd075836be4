package dev.spindle.runtime.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * Who takes part in one checkpoint: the running sources to trigger, every running task that must
 * acknowledge, the subtasks that already finished (recorded so a restore does not run them again),
 * and the operator uids and parallelism of each vertex (for the metadata).
 */
public record CheckpointPlan(List<ExecutionAttempt> sources, List<ExecutionAttempt> tasksToAcknowledge,
        List<ExecutionAttempt> finished, Map<String, List<String>> uidsByVertex, Map<String, Integer> parallelismByVertex) {
}
