package dev.spindle.runtime.rest;

import dev.spindle.runtime.jobmaster.JobDetails;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checkpoint coordinator's statistics as REST shows them: each acknowledgement of the latest
 * completed checkpoint also names its vertex and subtask the way the job page does ("pairs
 * (2/4)"), since the coordinator only knows vertex ids.
 */
final class CheckpointStatsView {

    private CheckpointStatsView() {
    }

    static Map<String, Object> named(Map<String, Object> stats, JobDetails job) {
        if (!(stats.get("latestCompleted") instanceof Map<?, ?> latest) || !(latest.get("acknowledgements") instanceof List<?> acks)) {
            return stats;
        }
        Map<String, JobDetails.VertexDetails> vertices = new HashMap<>();
        job.vertices().forEach(v -> vertices.put(v.id(), v));
        List<Map<String, Object>> named = new ArrayList<>();
        for (Object a : acks) {
            Map<String, Object> ack = new LinkedHashMap<>();
            ((Map<?, ?>) a).forEach((k, v) -> ack.put(String.valueOf(k), v));
            JobDetails.VertexDetails v = vertices.get(String.valueOf(ack.get("vertexId")));
            if (v != null && ack.get("subtask") instanceof Number subtask) {
                ack.put("vertexName", v.name());
                ack.put("subtaskName", v.name() + " (" + (subtask.intValue() + 1) + "/" + v.parallelism() + ")");
            }
            named.add(ack);
        }
        named.sort((x, y) -> Long.compare(((Number) x.get("afterMs")).longValue(), ((Number) y.get("afterMs")).longValue()));
        Map<String, Object> latestNamed = new LinkedHashMap<>();
        latest.forEach((k, v) -> latestNamed.put(String.valueOf(k), v));
        latestNamed.put("acknowledgements", named);
        Map<String, Object> out = new LinkedHashMap<>(stats);
        out.put("latestCompleted", latestNamed);
        return out;
    }
}
