package dev.spindle.api.dag;

/** How records travel from an operator's subtasks to the subtasks of the operator that consumes them. */
public enum Partitioning {
    /** Subtask i sends only to subtask i; both sides have the same parallelism. */
    FORWARD,
    /** Each record goes to the subtask chosen by its key's hash (keyBy). */
    HASH,
    /** Records are spread round-robin over the consumer's subtasks. */
    REBALANCE,
    /** Each record goes to every consumer subtask. */
    BROADCAST
}
