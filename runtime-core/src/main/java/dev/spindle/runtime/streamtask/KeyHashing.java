package dev.spindle.runtime.streamtask;

/**
 * Maps keys to subpartitions. Uses the key's value-based {@code hashCode} (an enum's name, as enum
 * hash codes are identity hashes that differ between JVMs), mixed with murmur3's finalizer so that
 * keys with similar hashes spread over the subpartitions.
 */
public final class KeyHashing {

    private static final ClassValue<Boolean> HAS_VALUE_HASH = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (type.isArray()) {
                return false;
            }
            try {
                return type.getMethod("hashCode").getDeclaringClass() != Object.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    private KeyHashing() {
    }

    public static int subpartition(Object key, int numberOfSubpartitions) {
        return (mix(stableHashCode(key)) & Integer.MAX_VALUE) % numberOfSubpartitions;
    }

    /** The mixed, JVM-independent hash of a key (also what key groups are computed from). */
    public static int hash(Object key) {
        return mix(stableHashCode(key));
    }

    /** The key's value-based hash before mixing; keys of composite state entries (key + window, key + timer) reuse it so they stay in their key's key group. */
    public static int stableHashCode(Object key) {
        if (key == null) {
            return 0;
        }
        if (key instanceof Enum<?> e) {
            return e.name().hashCode();
        }
        if (!HAS_VALUE_HASH.get(key.getClass())) {
            throw new IllegalArgumentException("Key type " + key.getClass().getName() + " cannot be used with keyBy: it does "
                    + "not override hashCode(), so equal keys would go to different subtasks. Use a String, a number, "
                    + "a Tuple2, a record, or a class with value-based equals() and hashCode()");
        }
        return key.hashCode();
    }

    /** murmur3 fmix32. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
