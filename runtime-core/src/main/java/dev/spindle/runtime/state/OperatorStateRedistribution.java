package dev.spindle.runtime.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands the operator state of a checkpoint's subtasks to the subtasks of a restored job. Even-split
 * lists: unchanged parallelism keeps each subtask's own list; otherwise the elements of all old
 * subtasks (in subtask order) are cut into contiguous, evenly sized ranges, one per new subtask.
 * Union lists: every subtask gets the elements of all old subtasks. Broadcast state: every copy is
 * identical, so each new subtask gets the copy of one old subtask. Subtask lists cannot move.
 */
public final class OperatorStateRedistribution {

    static final String EVEN_SPLIT_KIND = "OPERATOR_LIST";
    static final String UNION_KIND = "OPERATOR_UNION_LIST";
    static final String SUBTASK_KIND = "OPERATOR_SUBTASK_LIST";
    static final String BROADCAST_KIND = "OPERATOR_BROADCAST_MAP";

    private OperatorStateRedistribution() {
    }

    /** Whether states of this kind can be handed to another number of subtasks. */
    public static boolean isRedistributable(String kind) {
        return !SUBTASK_KIND.equals(kind);
    }

    /** Whether states of this kind need the lists of every old subtask even when the parallelism is unchanged. */
    public static boolean needsAllSubtasks(String kind) {
        return UNION_KIND.equals(kind);
    }

    /**
     * The operator state of new subtask {@code subtask} of {@code parallelism}; {@code old} holds, by
     * old subtask index (all of them, 0 to {@code oldParallelism - 1}; absent ones had no state), each
     * old subtask's operator states by name.
     */
    public static Map<String, StateData> assign(String operator, Map<Integer, Map<String, StateData>> old, int oldParallelism,
            int subtask, int parallelism) {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (int i = 0; i < oldParallelism; i++) {
            for (Map.Entry<String, StateData> e : old.getOrDefault(i, Map.of()).entrySet()) {
                String previous = kinds.putIfAbsent(e.getKey(), e.getValue().kind());
                if (previous != null && !previous.equals(e.getValue().kind())) {
                    throw new IllegalStateException("Operator state '" + e.getKey() + "' of operator '" + operator
                            + "' has different kinds in different subtasks of the checkpoint: " + previous + ", " + e.getValue().kind());
                }
            }
        }
        Map<String, StateData> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : kinds.entrySet()) {
            String name = e.getKey();
            String kind = e.getValue();
            if (UNION_KIND.equals(kind)) {
                out.put(name, new StateData(kind, Map.of(StateData.OPERATOR_GROUP, concatenate(old, oldParallelism, name))));
            } else if (BROADCAST_KIND.equals(kind)) {
                StateData copy = broadcastCopy(old, oldParallelism, subtask, name);
                if (copy != null) {
                    out.put(name, copy);
                }
            } else if (oldParallelism == parallelism) {
                StateData own = old.getOrDefault(subtask, Map.of()).get(name);
                if (own != null) {
                    out.put(name, own);
                }
            } else if (EVEN_SPLIT_KIND.equals(kind)) {
                List<byte[]> all = concatenate(old, oldParallelism, name);
                int from = (int) ((long) all.size() * subtask / parallelism);
                int to = (int) ((long) all.size() * (subtask + 1) / parallelism);
                out.put(name, new StateData(kind, Map.of(StateData.OPERATOR_GROUP, new ArrayList<>(all.subList(from, to)))));
            } else {
                throw new IllegalStateException("Operator state '" + name + "' of operator '" + operator + "' belongs to one subtask and "
                        + "cannot be redistributed from parallelism " + oldParallelism + " to " + parallelism
                        + " (built-in sources and file sinks keep such state); restore with parallelism " + oldParallelism
                        + " for this operator");
            }
        }
        return out;
    }

    /** Its own copy when the old subtask of that index had one, else the copy of any old subtask. */
    private static StateData broadcastCopy(Map<Integer, Map<String, StateData>> old, int oldParallelism, int subtask, String name) {
        StateData own = old.getOrDefault(subtask % oldParallelism, Map.of()).get(name);
        if (own != null) {
            return own;
        }
        for (int i = 0; i < oldParallelism; i++) {
            StateData d = old.getOrDefault(i, Map.of()).get(name);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static List<byte[]> concatenate(Map<Integer, Map<String, StateData>> old, int oldParallelism, String name) {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < oldParallelism; i++) {
            StateData d = old.getOrDefault(i, Map.of()).get(name);
            if (d != null) {
                all.addAll(d.groups().getOrDefault(StateData.OPERATOR_GROUP, List.of()));
            }
        }
        return all;
    }
}
