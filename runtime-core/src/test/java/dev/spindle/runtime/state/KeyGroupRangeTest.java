package dev.spindle.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyGroupRangeTest {

    @Test
    void theRangesOfAParallelismCoverEveryKeyGroupOnceAndAgreeWithTheOwnerOfEachKeyGroup() {
        for (int p : new int[] {1, 2, 3, 7, 100, 128}) {
            int next = 0;
            for (int s = 0; s < p; s++) {
                KeyGroupRange r = KeyGroupRange.forSubtask(128, p, s);
                assertEquals(next, r.start(), "p=" + p + " subtask " + s);
                for (int g = r.start(); g <= r.end(); g++) {
                    assertEquals(s, KeyGroupRange.subtaskForKeyGroup(128, p, g), "key group " + g + " with p=" + p);
                }
                next = r.end() + 1;
            }
            assertEquals(128, next);
        }
        assertEquals(new KeyGroupRange(0, 42), KeyGroupRange.forSubtask(128, 3, 0));
        assertEquals(new KeyGroupRange(43, 85), KeyGroupRange.forSubtask(128, 3, 1));
        assertEquals(new KeyGroupRange(86, 127), KeyGroupRange.forSubtask(128, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> KeyGroupRange.forSubtask(128, 129, 0));
    }

    @Test
    void subtaskListStateIsNotRedistributedAndTheMessageNamesIt() {
        StateData own = new StateData(OperatorStateRedistribution.SUBTASK_KIND, Map.of(StateData.OPERATOR_GROUP, List.of(new byte[] {1})));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OperatorStateRedistribution.assign("src", Map.of(0, Map.of("position", own)), 1, 0, 2));
        assertTrue(e.getMessage().contains("'position'") && e.getMessage().contains("'src'"), e.getMessage());
        assertEquals(Map.of("position", own), OperatorStateRedistribution.assign("src", Map.of(0, Map.of("position", own)), 1, 0, 1));
    }
}
