package dev.spindle.runtime.state;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The synchronous copy of one operator's states; {@link #write()} serializes it on the asynchronous thread. */
public record OperatorSnapshot(Map<String, SnapshottableState.Snapshot> keyed, Map<String, SnapshottableState.Snapshot> operator) {

    public OperatorStateData write() throws IOException {
        return new OperatorStateData(writeAll(keyed), writeAll(operator));
    }

    private static Map<String, StateData> writeAll(Map<String, SnapshottableState.Snapshot> snapshots) throws IOException {
        Map<String, StateData> out = new LinkedHashMap<>();
        for (Map.Entry<String, SnapshottableState.Snapshot> e : snapshots.entrySet()) {
            out.put(e.getKey(), e.getValue().write());
        }
        return out;
    }
}
