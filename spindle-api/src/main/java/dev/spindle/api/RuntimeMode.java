package dev.spindle.api;

/** How a job runs: as an unbounded stream or as a batch over bounded input. */
public enum RuntimeMode {
    /** Keyed aggregations emit a rolling update for every record. */
    STREAMING,
    /** Keyed aggregations emit only the final value per key at the end of input; needs bounded sources. */
    BATCH,
    /** BATCH when every source is bounded, otherwise STREAMING. */
    AUTOMATIC
}
