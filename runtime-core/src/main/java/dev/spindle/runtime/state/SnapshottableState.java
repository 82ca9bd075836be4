package dev.spindle.runtime.state;

import java.io.IOException;

/**
 * What every state kind implements (value, list, map, reducing, aggregating, timers, operator and
 * broadcast state): {@link #snapshot()} runs synchronously while the task processes no record and
 * only copies references; the returned {@link Snapshot#write()} serializes that copy later, on the
 * task's asynchronous checkpoint thread, while processing goes on.
 */
public interface SnapshottableState {

    String name();

    /** Written into the checkpoint; a restore refuses data of another kind under the same name. */
    String kind();

    /** A cheap copy of the current contents (the maps are copied, the values are not). */
    Snapshot snapshot();

    /** Replaces the contents with restored data. */
    void restore(StateData data, ClassLoader userClassLoader) throws IOException, ClassNotFoundException;

    /** The copied contents, serialized when {@link #write()} is called. */
    @FunctionalInterface
    interface Snapshot {
        StateData write() throws IOException;
    }
}
