package dev.spindle.runtime.checkpoint;

import dev.spindle.runtime.state.KeyGroupRange;
import dev.spindle.runtime.state.KeyGroups;
import dev.spindle.runtime.state.KeyedStateRedistribution;
import dev.spindle.runtime.state.OperatorStateData;
import dev.spindle.runtime.state.OperatorStateRedistribution;
import dev.spindle.runtime.state.StateData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what one subtask restores for each operator of its chain. With the checkpoint's parallelism
 * it reads its own file (and the other subtasks' files only for union state); with another
 * parallelism it reads every old subtask's file whose key groups or operator state it needs and
 * keeps the key groups of its range and its share of the operator state. Each file is read once.
 */
public final class TaskStateReader {

    private final TaskRestore restore;
    private final int subtask;
    private final int parallelism;
    private final Map<String, Map<String, OperatorStateData>> files = new HashMap<>();

    public TaskStateReader(TaskRestore restore, int subtask, int parallelism) {
        this.restore = restore;
        this.subtask = subtask;
        this.parallelism = parallelism;
    }

    /** The restored state of operator {@code uid}, or null when the checkpoint holds none for this subtask. */
    public OperatorStateData read(String uid) throws IOException {
        OperatorStateFiles all = restore.allFilesByUid().get(uid);
        String own = restore.stateFileByUid().get(uid);
        if (all == null || all.parallelism() == parallelism) {
            OperatorStateData data = own == null ? null : file(own).get(uid);
            if (all == null || data == null && all.fileBySubtask().isEmpty() || !hasUnionState(data)) {
                return data;
            }
            // union state: every subtask gets the elements of all subtasks, also without a rescale
            Map<Integer, Map<String, StateData>> operatorStates = operatorStatesOfAll(uid, all);
            Map<String, StateData> operator = OperatorStateRedistribution.assign(uid, operatorStates, all.parallelism(), subtask, parallelism);
            return new OperatorStateData(data == null ? Map.of() : data.keyed(), operator);
        }
        KeyGroupRange range = KeyGroupRange.forSubtask(KeyGroups.DEFAULT_MAX_PARALLELISM, parallelism, subtask);
        List<Map<String, StateData>> keyed = new ArrayList<>();
        Map<Integer, Map<String, StateData>> operatorStates = new HashMap<>();
        for (Map.Entry<Integer, String> f : all.fileBySubtask().entrySet()) {
            OperatorStateData data = file(f.getValue()).get(uid);
            if (data == null) {
                continue;
            }
            KeyGroupRange oldRange = KeyGroupRange.forSubtask(KeyGroups.DEFAULT_MAX_PARALLELISM, all.parallelism(), f.getKey());
            if (oldRange.intersects(range)) {
                keyed.add(data.keyed());
            }
            operatorStates.put(f.getKey(), data.operator());
        }
        return new OperatorStateData(KeyedStateRedistribution.assign(uid, keyed, range),
                OperatorStateRedistribution.assign(uid, operatorStates, all.parallelism(), subtask, parallelism));
    }

    /** How many state files were read. */
    public int filesRead() {
        return files.size();
    }

    private static boolean hasUnionState(OperatorStateData data) {
        if (data == null) {
            return true; // this subtask had no state of its own; other subtasks may have union state for it
        }
        for (StateData d : data.operator().values()) {
            if (OperatorStateRedistribution.needsAllSubtasks(d.kind())) {
                return true;
            }
        }
        return false;
    }

    private Map<Integer, Map<String, StateData>> operatorStatesOfAll(String uid, OperatorStateFiles all) throws IOException {
        Map<Integer, Map<String, StateData>> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> f : all.fileBySubtask().entrySet()) {
            OperatorStateData data = file(f.getValue()).get(uid);
            if (data != null) {
                out.put(f.getKey(), data.operator());
            }
        }
        return out;
    }

    private Map<String, OperatorStateData> file(String name) throws IOException {
        Map<String, OperatorStateData> content = files.get(name);
        if (content == null) {
            content = TaskStateFiles.read(restore.directory(), name);
            files.put(name, content);
        }
        return content;
    }
}
