package dev.spindle.yarn.client.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.spindle.api.JobID;
import dev.spindle.yarn.client.api.JobDetails;
import dev.spindle.yarn.client.api.JobSummary;
import dev.spindle.yarn.client.rest.RestClusterClient;

/** Turns the REST API's JSON answers into the client API's values. */
public final class JobViews {

    private JobViews() {
    }

    public static JobSummary summary(RestClusterClient.JobSummary j) {
        return new JobSummary(JobID.fromHexString(j.id()), j.name(), j.status(), j.startTime(), j.duration(),
                j.failureCause(), accumulators(j.details()));
    }

    public static JobDetails details(RestClusterClient.JobSummary j, String applicationId) {
        List<JobDetails.Vertex> vertices = new ArrayList<>();
        for (JsonNode v : j.details().path("vertices")) {
            List<JobDetails.Subtask> subtasks = new ArrayList<>();
            for (JsonNode s : v.path("subtasks")) {
                subtasks.add(new JobDetails.Subtask(s.path("index").asInt(), s.path("status").asText(),
                        s.path("host").asText("-"), s.path("attempt").asInt(), s.path("recordsIn").asLong(),
                        s.path("recordsOut").asLong()));
            }
            JobDetails.Figures figures = v.has("busyRatio") ? new JobDetails.Figures(v.path("recordsIn").asLong(),
                    v.path("recordsOut").asLong(), v.path("recordsInPerSecond").asDouble(), v.path("recordsOutPerSecond").asDouble(),
                    v.path("busyRatio").asDouble(), v.path("backpressuredRatio").asDouble()) : null;
            vertices.add(new JobDetails.Vertex(v.path("name").asText(), v.path("parallelism").asInt(),
                    v.path("status").asText(), subtasks, figures));
        }
        return new JobDetails(summary(j), applicationId, vertices);
    }

    private static Map<String, Object> accumulators(JsonNode details) {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode acc = details == null ? null : details.get("accumulators");
        if (acc != null) {
            acc.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isNumber() ? e.getValue().numberValue()
                    : e.getValue().isBoolean() ? e.getValue().booleanValue() : e.getValue().asText()));
        }
        return values;
    }
}
