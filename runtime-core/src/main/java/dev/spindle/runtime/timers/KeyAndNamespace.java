package dev.spindle.runtime.timers;

import dev.spindle.runtime.streamtask.KeyHashing;
import java.io.Serializable;
import java.util.Objects;

/**
 * The state key of an entry that belongs to a key and a namespace (a window): its hash is the key's
 * own, so the entry lands in the key's key group and moves with the key on a restore or rescale.
 */
public record KeyAndNamespace(Object key, Object namespace) implements Serializable {

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyAndNamespace other && Objects.equals(key, other.key) && Objects.equals(namespace, other.namespace);
    }

    @Override
    public int hashCode() {
        return KeyHashing.stableHashCode(key);
    }
}
