package dev.spindle.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.spindle.api.state.BroadcastState;
import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.api.state.MapStateDescriptor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Broadcast state through a snapshot and a restore into more and fewer subtasks: every subtask gets the full map. */
class BroadcastStateRedistributionTest {

    private static final MapStateDescriptor<String, Integer> RULES = new MapStateDescriptor<>("rules", String.class, Integer.class);
    private static final ClassLoader LOADER = BroadcastStateRedistributionTest.class.getClassLoader();

    private static Map<String, StateData> snapshotOf(Map<String, Integer> contents) throws Exception {
        DefaultOperatorStateStore store = new DefaultOperatorStateStore(Map.of(), LOADER);
        BroadcastState<String, Integer> state = store.getBroadcastState(RULES);
        state.putAll(contents);
        Map<String, StateData> written = new LinkedHashMap<>();
        for (Map.Entry<String, SnapshottableState.Snapshot> e : store.snapshot().entrySet()) {
            written.put(e.getKey(), e.getValue().write());
        }
        return written;
    }

    private static Map<String, Integer> restored(Map<String, StateData> data) throws Exception {
        BroadcastState<String, Integer> state = new DefaultOperatorStateStore(data, LOADER).getBroadcastState(RULES);
        Map<String, Integer> out = new HashMap<>();
        for (Map.Entry<String, Integer> e : state.entries()) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    @Test
    void everyNewSubtaskGetsTheWholeBroadcastMapWhateverTheParallelism() throws Exception {
        Map<String, Integer> rules = Map.of("a", 1, "b", 2, "c", 3);
        Map<Integer, Map<String, StateData>> old = Map.of(0, snapshotOf(rules), 1, snapshotOf(rules));
        for (int parallelism : new int[] {1, 2, 3, 5}) {
            for (int subtask = 0; subtask < parallelism; subtask++) {
                Map<String, StateData> assigned = OperatorStateRedistribution.assign("op", old, 2, subtask, parallelism);
                assertEquals(rules, restored(assigned), "subtask " + subtask + " of " + parallelism);
            }
        }
    }

    @Test
    void theSameNameCannotBeBroadcastAndListState() {
        DefaultOperatorStateStore store = new DefaultOperatorStateStore(Map.of(), LOADER);
        store.getBroadcastState(RULES);
        assertThrows(IllegalStateException.class, () -> store.getListState(new ListStateDescriptor<>("rules", String.class)));
    }
}
