package dev.spindle.api.windowing.assigners;

import java.io.Serializable;

/** The session gap (milliseconds) that follows one record, for dynamic-gap session windows. */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {

    /** The gap after {@code element}; must be positive. */
    long extract(T element);
}
