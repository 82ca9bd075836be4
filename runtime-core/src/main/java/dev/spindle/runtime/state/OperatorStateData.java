package dev.spindle.runtime.state;

import java.io.Serializable;
import java.util.Map;

/** The written state of one operator in one subtask: its keyed states and its operator states, by name. */
public record OperatorStateData(Map<String, StateData> keyed, Map<String, StateData> operator) implements Serializable {

    public static final OperatorStateData EMPTY = new OperatorStateData(Map.of(), Map.of());

    public long sizeInBytes() {
        long size = 0;
        for (StateData d : keyed.values()) {
            size += d.sizeInBytes();
        }
        for (StateData d : operator.values()) {
            size += d.sizeInBytes();
        }
        return size;
    }
}
