package dev.spindle.runtime.timers;

import dev.spindle.runtime.streamtask.KeyHashing;
import java.io.Serializable;
import java.util.Objects;

/** One timer: a time for a key and a namespace (a window, or none). Hashes like its key, so it is checkpointed in the key's group. */
public record TimerKey(long timestamp, Object key, Object namespace) implements Serializable {

    @Override
    public boolean equals(Object o) {
        return o instanceof TimerKey other && other.timestamp == timestamp && Objects.equals(key, other.key)
                && Objects.equals(namespace, other.namespace);
    }

    @Override
    public int hashCode() {
        return KeyHashing.stableHashCode(key);
    }
}
