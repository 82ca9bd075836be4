package dev.spindle.api.windowing.evictors;

import dev.spindle.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Removes elements from a window before and/or after the window function runs; remove them with
 * the iterator's {@code remove()}. A window with an evictor keeps all its elements (no incremental aggregation).
 */
public interface Evictor<T, W extends Window> extends Serializable {

    /** Called before the window function with the window's elements. */
    void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** Called after the window function with the window's elements. */
    void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** Clocks an evictor may read. */
    interface EvictorContext {

        /** The machine's current time in milliseconds. */
        long getCurrentProcessingTime();

        /** The operator's current watermark. */
        long getCurrentWatermark();
    }
}
