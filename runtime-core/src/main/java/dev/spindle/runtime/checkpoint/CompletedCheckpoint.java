package dev.spindle.runtime.checkpoint;

/** A checkpoint (or savepoint) every task acknowledged and whose metadata is written. */
public record CompletedCheckpoint(long id, long timestamp, String directory, boolean savepoint, CheckpointMetadata metadata,
        long durationMillis, long sizeInBytes) {
}
