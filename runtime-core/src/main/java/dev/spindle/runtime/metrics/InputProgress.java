package dev.spindle.runtime.metrics;

/**
 * How much of its input a bounded source subtask has read, in a unit of its own (bytes of its
 * file splits, indexes of its range). Read by the heartbeat thread while the source runs, so
 * implementations publish both figures through volatile fields.
 */
public interface InputProgress {

    /** Units read so far. */
    long inputConsumed();

    /** Units this subtask reads in all, or a negative number while that is not known yet. */
    long inputTotal();
}
