package dev.spindle.runtime.state;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the keyed state of one new subtask from the snapshots of old subtasks: every key group of
 * its {@link KeyGroupRange}, wherever it was before (each key group was held by exactly one old subtask).
 */
public final class KeyedStateRedistribution {

    private KeyedStateRedistribution() {
    }

    /** {@code old}: each old subtask's keyed states by name; the result holds only key groups in {@code range}. */
    public static Map<String, StateData> assign(String operator, Iterable<Map<String, StateData>> old, KeyGroupRange range) {
        Map<String, String> kinds = new LinkedHashMap<>();
        Map<String, Map<Integer, List<byte[]>>> groups = new LinkedHashMap<>();
        for (Map<String, StateData> states : old) {
            for (Map.Entry<String, StateData> e : states.entrySet()) {
                String previous = kinds.putIfAbsent(e.getKey(), e.getValue().kind());
                if (previous != null && !previous.equals(e.getValue().kind())) {
                    throw new IllegalStateException("Keyed state '" + e.getKey() + "' of operator '" + operator
                            + "' has different kinds in different subtasks of the checkpoint: " + previous + ", " + e.getValue().kind());
                }
                Map<Integer, List<byte[]>> mine = groups.computeIfAbsent(e.getKey(), n -> new HashMap<>());
                for (Map.Entry<Integer, List<byte[]>> g : e.getValue().groups().entrySet()) {
                    if (range.contains(g.getKey())) {
                        mine.put(g.getKey(), g.getValue());
                    }
                }
            }
        }
        Map<String, StateData> out = new LinkedHashMap<>();
        groups.forEach((name, g) -> out.put(name, new StateData(kinds.get(name), g)));
        return out;
    }
}
