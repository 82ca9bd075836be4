package dev.spindle.runtime.jobgraph;

/** How records travel along an edge from producer subtasks to consumer subtasks. */
public enum ShipStrategy {
    /** Subtask i sends only to subtask i; both sides have the same parallelism. */
    FORWARD,
    /** Each record goes to the consumer subtask chosen by its key's hash. */
    HASH,
    /** Records are spread round-robin over all consumer subtasks. */
    REBALANCE,
    /** Each record goes to every consumer subtask. */
    BROADCAST;

    /** Whether every producer subtask connects to every consumer subtask. */
    public boolean isAllToAll() {
        return this != FORWARD;
    }
}
