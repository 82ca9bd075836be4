package dev.spindle.runtime.state;

/**
 * The contiguous key groups {@code [start, end]} one subtask owns: with {@code maxParallelism} key
 * groups and parallelism {@code p}, subtask {@code i} owns {@code ceil(i * max / p)} up to
 * {@code ceil((i + 1) * max / p) - 1}, and key group {@code g} belongs to subtask {@code g * p / max}.
 * The partitioner and the restore use the same mapping, so after a change of parallelism each
 * subtask reads exactly the key groups its records now hash to.
 */
public record KeyGroupRange(int start, int end) {

    public static KeyGroupRange forSubtask(int maxParallelism, int parallelism, int subtask) {
        checkParallelism(maxParallelism, parallelism);
        int start = (int) (((long) subtask * maxParallelism + parallelism - 1) / parallelism);
        int end = (int) (((long) (subtask + 1) * maxParallelism + parallelism - 1) / parallelism) - 1;
        return new KeyGroupRange(start, end);
    }

    /** The subtask that owns key group {@code keyGroup}. */
    public static int subtaskForKeyGroup(int maxParallelism, int parallelism, int keyGroup) {
        return (int) ((long) keyGroup * parallelism / maxParallelism);
    }

    static void checkParallelism(int maxParallelism, int parallelism) {
        if (parallelism < 1 || parallelism > maxParallelism) {
            throw new IllegalArgumentException("A keyed operator's parallelism must be between 1 and the number of key groups ("
                    + maxParallelism + "), was " + parallelism);
        }
    }

    public boolean contains(int keyGroup) {
        return keyGroup >= start && keyGroup <= end;
    }

    /** Whether this range and {@code other} share a key group. */
    public boolean intersects(KeyGroupRange other) {
        return start <= other.end && other.start <= end;
    }
}
