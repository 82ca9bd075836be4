package dev.spindle.runtime.jobmaster;

import dev.spindle.api.accumulators.Accumulator;
import dev.spindle.runtime.rpc.proto.SerializedAccumulator;
import dev.spindle.runtime.serialization.RestrictedDeserialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the accumulators the subtasks of a job reported. The job master may lack the user's
 * classes, and reads what TaskExecutors sent only through the bounded object filter: an
 * accumulator it cannot or may not load is reported by the text of each subtask's value instead.
 */
final class AccumulatorMerger {

    private static final Logger LOG = LoggerFactory.getLogger(AccumulatorMerger.class);

    private AccumulatorMerger() {
    }

    static Map<String, Object> merge(List<Map<String, SerializedAccumulator>> perSubtask) {
        Map<String, List<SerializedAccumulator>> byName = new LinkedHashMap<>();
        for (Map<String, SerializedAccumulator> accumulators : perSubtask) {
            accumulators.forEach((name, acc) -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(acc));
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        byName.forEach((name, list) -> merged.put(name, mergeOne(list)));
        return merged;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object mergeOne(List<SerializedAccumulator> list) {
        try {
            Accumulator total = null;
            for (SerializedAccumulator s : list) {
                if (s.getJavaSerialized().isEmpty()) {
                    throw new IOException("not serialized");
                }
                // Built-in accumulators only: a user's accumulator class is refused like any class the filter does not know.
                Accumulator a = (Accumulator) RestrictedDeserialization.read(s.getJavaSerialized().toByteArray(),
                        AccumulatorMerger.class.getClassLoader(), "accumulator");
                if (total == null) {
                    total = a;
                } else {
                    total.merge(a);
                }
            }
            return total == null ? null : total.getLocalValue();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            LOG.debug("Accumulator reported as text: {}", e.getMessage());
            List<String> texts = list.stream().map(SerializedAccumulator::getValueText).toList();
            return texts.size() == 1 ? texts.get(0) : texts;
        }
    }
}
