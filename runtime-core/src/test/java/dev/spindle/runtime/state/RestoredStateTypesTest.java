package dev.spindle.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.ValueStateDescriptor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestoredStateTypesTest {

    private static Map<String, StateData> snapshotOf(KeyedStateBackend backend) throws Exception {
        Map<String, StateData> data = new java.util.HashMap<>();
        for (Map.Entry<String, SnapshottableState.Snapshot> e : backend.snapshot().entrySet()) {
            data.put(e.getKey(), e.getValue().write());
        }
        return data;
    }

    private static KeyedStateBackend restored(Map<String, StateData> data) {
        return new KeyedStateBackend(KeyGroups.DEFAULT_MAX_PARALLELISM, data, RestoredStateTypesTest.class.getClassLoader());
    }

    @Test
    void aValueOfAnotherTypeFailsNamingTheStateAndBothTypes() throws Exception {
        KeyedStateBackend first = new KeyedStateBackend();
        first.setCurrentKey(7L);
        first.getValueState(new ValueStateDescriptor<>("last", Long.class)).update(42L);
        Map<String, StateData> data = snapshotOf(first);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> restored(data).getValueState(new ValueStateDescriptor<>("last", String.class)));
        assertTrue(e.getMessage().contains("State 'last' was restored with values of type java.lang.Long, but the job declares"
                + " java.lang.String"), e.getMessage());

        KeyedStateBackend same = restored(data);
        var state = same.getValueState(new ValueStateDescriptor<>("last", Long.class));
        same.setCurrentKey(7L);
        assertEquals(42L, state.value());
    }

    @Test
    void keysOfAnotherTypeFailOnFirstUse() throws Exception {
        KeyedStateBackend first = new KeyedStateBackend();
        first.setCurrentKey(7L);
        first.getValueState(new ValueStateDescriptor<>("last", Long.class)).update(42L);
        KeyedStateBackend second = restored(snapshotOf(first));
        var state = second.getValueState(new ValueStateDescriptor<>("last", Long.class));
        second.setCurrentKey("seven");
        IllegalStateException e = assertThrows(IllegalStateException.class, state::value);
        assertTrue(e.getMessage().contains("restored with keys of type java.lang.Long, but this job's keys (keyBy) are of type"
                + " java.lang.String"), e.getMessage());
    }

    @Test
    void listElementsAndMapEntriesAreChecked() throws Exception {
        KeyedStateBackend first = new KeyedStateBackend();
        first.setCurrentKey(1);
        first.getListState(new ListStateDescriptor<>("seen", Long.class)).add(5L);
        first.getMapState(new MapStateDescriptor<>("totals", String.class, Long.class)).put("a", 1L);
        Map<String, StateData> data = snapshotOf(first);

        assertTrue(assertThrows(IllegalStateException.class,
                () -> restored(data).getListState(new ListStateDescriptor<>("seen", String.class))).getMessage()
                .contains("elements of type java.lang.Long"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> restored(data).getMapState(new MapStateDescriptor<>("totals", Long.class, Long.class))).getMessage()
                .contains("map keys of type java.lang.String"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> restored(data).getMapState(new MapStateDescriptor<>("totals", String.class, Integer.class))).getMessage()
                .contains("map values of type java.lang.Long"));
        KeyedStateBackend ok = restored(data);
        ok.getListState(new ListStateDescriptor<>("seen", Long.class));
        ok.getMapState(new MapStateDescriptor<>("totals", String.class, Long.class));
    }
}
