package dev.spindle.yarn.client.cluster;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns the REST overview's {@code workers} counts into the progress line a waiting user reads. */
final class WorkerProgress {

    private WorkerProgress() {
    }

    /** The line, or null when the cluster reports no counts (an older AM) or nothing was asked for yet. */
    static String describe(JsonNode workers) {
        if (workers == null || !workers.isObject() || workers.path("requested").asInt(0) + workers.path("registered").asInt(0) == 0) {
            return null;
        }
        return "TaskExecutor containers: " + count(workers, "requested") + " requested, " + count(workers, "allocated")
                + " allocated, " + count(workers, "running") + " running, " + count(workers, "registered") + " registered";
    }

    private static int count(JsonNode workers, String field) {
        return workers.path(field).asInt(0);
    }
}
