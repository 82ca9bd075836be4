package dev.spindle.runtime.state;

import dev.spindle.runtime.streamtask.KeyHashing;

/**
 * Keyed state is kept per key group: {@code keyGroup = hash(key) mod maxParallelism}. A snapshot
 * stores its entries grouped this way so that a later rescale can hand whole key groups to the
 * subtask that then owns them, without rehashing every key.
 */
public final class KeyGroups {

    /** The number of key groups (the highest parallelism keyed state can later be rescaled to). */
    public static final int DEFAULT_MAX_PARALLELISM = 128;

    private KeyGroups() {
    }

    public static int keyGroupOf(Object key, int maxParallelism) {
        return (KeyHashing.hash(key) & Integer.MAX_VALUE) % maxParallelism;
    }

    /** The subtask of {@code parallelism} a key goes to: the owner of its key group's range ({@link KeyGroupRange}). */
    public static int subtaskOf(Object key, int maxParallelism, int parallelism) {
        return KeyGroupRange.subtaskForKeyGroup(maxParallelism, parallelism, keyGroupOf(key, maxParallelism));
    }
}
