package dev.spindle.runtime.operators.windowing;

import dev.spindle.api.windowing.evictors.TimestampedValue;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * What one window of one key holds: the pre-aggregated value (reduce, aggregate) or all its elements
 * (process, evictor). Kept in keyed state, which snapshots references: contents are changed in place
 * only while no snapshot holds them; after a snapshot ({@code epoch} older than the operator's) the
 * first change works on a copy.
 */
final class WindowContents implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The reduced value or the accumulator; unused when elements are kept. */
    Object accumulator;
    /** All elements with their timestamps; null when pre-aggregated. */
    ArrayList<TimestampedValue<Object>> elements;
    /** The operator's snapshot epoch this object was created in; restored contents have 0 (always older). */
    transient long epoch;

    static WindowContents ofElements(long epoch) {
        WindowContents c = new WindowContents();
        c.elements = new ArrayList<>();
        c.epoch = epoch;
        return c;
    }

    static WindowContents ofAccumulator(Object accumulator, long epoch) {
        WindowContents c = new WindowContents();
        c.accumulator = accumulator;
        c.epoch = epoch;
        return c;
    }
}
