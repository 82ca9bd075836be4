package dev.spindle.runtime.jobmaster;

import dev.spindle.runtime.rpc.proto.TaskMetrics;
import java.util.List;

/**
 * The share of a job's source input read: the mean over its source subtasks of what each read of
 * its own input (a finished source read all of it). Known only when every source subtask still
 * reading tells how far it is, which bounded built-in sources do; an unbounded source, or a user
 * source that does not track its input, makes the job's progress unknown rather than guessed.
 */
final class SourceInputProgress {

    /** What the job master knows of one source subtask: whether it finished and its latest heartbeat figures (or null). */
    record SourceSubtask(boolean finished, TaskMetrics latest) {
    }

    /** Returned while the share cannot be known. */
    static final double UNKNOWN = -1;

    private SourceInputProgress() {
    }

    /** The share in [0, 1], or {@link #UNKNOWN}. */
    static double of(List<SourceSubtask> sources) {
        if (sources.isEmpty()) {
            return UNKNOWN;
        }
        double sum = 0;
        for (SourceSubtask s : sources) {
            if (s.finished()) {
                sum += 1;
                continue;
            }
            TaskMetrics m = s.latest();
            if (m == null) {
                // not heard of yet: nothing read so far, but it may still turn out to be unbounded
                continue;
            }
            if (!m.getBoundedSource()) {
                return UNKNOWN;
            }
            if (m.getSourceTotal() > 0) {
                sum += Math.min(1, m.getSourceConsumed() / (double) m.getSourceTotal());
            }
        }
        return sum / sources.size();
    }
}
