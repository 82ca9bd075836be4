package dev.spindle.runtime.state;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The written form of one named state: its kind and its entries, already serialized, per key group
 * (keyed state) or under group {@link #OPERATOR_GROUP} (operator state, one element per entry).
 * Only bytes and strings: a checkpoint can be read, checked and redistributed without user classes.
 */
public record StateData(String kind, Map<Integer, List<byte[]>> groups) implements Serializable {

    public static final int OPERATOR_GROUP = -1;

    public long sizeInBytes() {
        long size = 0;
        for (List<byte[]> entries : groups.values()) {
            for (byte[] e : entries) {
                size += e.length;
            }
        }
        return size;
    }
}
