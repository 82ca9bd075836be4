package dev.spindle.yarn.client.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.spindle.yarn.client.api.CheckpointStats;

/**
 * Reads the AM's checkpoint statistics JSON and words it for people: {@code spindle info} and the
 * attached client's progress line per completed checkpoint ("checkpoint 12 completed in 180 ms, 4.2 MB").
 * One instance per followed job remembers the last checkpoint it reported, so each is told once.
 */
public final class CheckpointFigures {

    private long lastReported = -1;

    /** The progress line for a checkpoint completed since the last call, or null. */
    public String newlyCompleted(String jobId, JsonNode stats) {
        CheckpointStats.Completed latest = parse(stats).latest();
        if (latest == null || latest.id() <= lastReported) {
            return null;
        }
        lastReported = latest.id();
        return "Job " + jobId + ": " + completedLine(latest);
    }

    public static CheckpointStats parse(JsonNode s) {
        JsonNode l = s.get("latestCompleted");
        CheckpointStats.Completed latest = l == null || l.isNull() ? null : new CheckpointStats.Completed(l.path("id").asLong(),
                l.path("savepoint").asBoolean(), l.path("path").asText(), l.path("durationMs").asLong(), l.path("sizeBytes").asLong());
        List<String> retained = new ArrayList<>();
        s.path("retained").forEach(r -> retained.add(r.asText()));
        return new CheckpointStats(s.path("enabled").asBoolean(), s.path("triggered").asLong(), s.path("completed").asLong(),
                s.path("failed").asLong(), s.path("tolerableFailures").asInt(), latest, retained, s.path("inProgress").size());
    }

    /** "checkpoint 12 completed in 180 ms, 4.2 MB" */
    public static String completedLine(CheckpointStats.Completed c) {
        return (c.savepoint() ? "savepoint " : "checkpoint ") + c.id() + " completed in " + c.durationMillis() + " ms, "
                + size(c.sizeBytes());
    }

    public static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
