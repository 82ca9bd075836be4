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

    /**
     * A finished job's accumulators from its REST details. JSON keeps no Java types: an integral
     * number comes back as a Long (what LongCounter, the built-in counter, gives in one JVM), not as
     * the Integer Jackson picks for small values, so {@code Long n = result.getAccumulatorResult(..)}
     * works on YARN as it does locally.
     */
    public static Map<String, Object> accumulators(JsonNode details) {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode acc = details == null ? null : details.get("accumulators");
        if (acc != null) {
            // An accumulator without a value is left out: JobExecutionResult holds no nulls.
            acc.fields().forEachRemaining(e -> {
                Object value = value(e.getValue());
                if (value != null) {
                    values.put(e.getKey(), value);
                }
            });
        }
        return values;
    }

    private static Object value(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(x -> list.add(value(x)));
            return list;
        }
        return v.asText();
    }
}
