package dev.spindle.yarn.client.api;

import java.util.List;

/**
 * A running job's checkpoint figures ({@code GET /v1/jobs/{id}/checkpoints}), as {@code spindle info} shows them.
 *
 * @param enabled false when the job does not checkpoint (the other figures are then zero)
 * @param latest the latest completed checkpoint or savepoint, or null before the first
 * @param retained the checkpoints kept for recovery (state.checkpoints.num-retained), oldest first
 * @param inProgress how many are being taken now
 */
public record CheckpointStats(boolean enabled, long triggered, long completed, long failed, int tolerableFailures,
        Completed latest, List<String> retained, int inProgress) {

    public CheckpointStats {
        retained = List.copyOf(retained);
    }

    /** One completed checkpoint or savepoint. */
    public record Completed(long id, boolean savepoint, String path, long durationMillis, long sizeBytes) {
    }
}
