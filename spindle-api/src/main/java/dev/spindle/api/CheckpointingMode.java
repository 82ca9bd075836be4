package dev.spindle.api;

/** What a checkpoint guarantees after recovery. */
public enum CheckpointingMode {
    /** Multi-input tasks align barriers: every record affects the restored state exactly once. */
    EXACTLY_ONCE,
    /** Barriers pass without blocking inputs: lower latency, records may be replayed into state twice. */
    AT_LEAST_ONCE
}
