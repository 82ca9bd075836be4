package dev.spindle.runtime.jobmaster;

import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.rpc.proto.SerializedAccumulator;
import java.util.HashMap;
import java.util.Map;

/** One subtask of the execution graph: vertex x subtask index, in its current attempt. */
final class Execution {

    final JobVertex vertex;
    final int subtask;
    int attempt;
    SubtaskStatus status = SubtaskStatus.CREATED;
    String resourceId;
    String host;
    long recordsIn;
    long recordsOut;
    /** The latest heartbeat figures of this attempt; null before the first. */
    SubtaskMetrics metrics;
    Map<String, SerializedAccumulator> accumulators = new HashMap<>();
    /** When its TaskExecutor's heartbeats first stopped listing this attempt, or -1 while they list it. */
    long unreportedSince = -1;
    /** The TaskExecutor answered the submission of this attempt: from then on its heartbeats list it until it ends. */
    boolean acceptedByTaskExecutor;
    /** This attempt's sink may commit at the end of its input (asked again after a lost answer, it is granted again). */
    boolean finalCommitGranted;

    Execution(JobVertex vertex, int subtask) {
        this.vertex = vertex;
        this.subtask = subtask;
    }

    void reset(int newAttempt) {
        attempt = newAttempt;
        status = SubtaskStatus.CREATED;
        resourceId = null;
        host = null;
        recordsIn = 0;
        recordsOut = 0;
        metrics = null;
        unreportedSince = -1;
        acceptedByTaskExecutor = false;
        finalCommitGranted = false;
        accumulators = new HashMap<>();
    }

    String describe() {
        return describe(attempt);
    }

    /** This subtask as it was in {@code attemptNumber}. */
    String describe(int attemptNumber) {
        return vertex.getName() + " (" + (subtask + 1) + "/" + vertex.getParallelism() + ") attempt " + attemptNumber;
    }
}
